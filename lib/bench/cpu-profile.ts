// A V8 CPU profile of part of this process (the in-process queue bench), written as
// `<dir>/<name>.cpuprofile` for Chrome DevTools or any .cpuprofile reader. The app's own
// processes are profiled by node's --cpu-prof instead (lib/cli/bench-review.ts).
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

/** Runs `fn`, profiled when `dir` is set; the profile is written even when `fn` throws. */
export async function profiled<T>(dir: string | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
    try {
      return await fn();
    } finally {
      const { profile } = await session.post("Profiler.stop");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    }
  } finally {
    session.disconnect();
  }
}
