// CPU time of a process and its descendants, from /proc (Linux): how the bench measures
// what the app's processes spent, workers included, without their cooperation.
import fs from "node:fs";

/** /proc/<pid>/stat: the command name, and the fields after it (the name may contain spaces). */
function stat(pid: number): { comm: string; fields: string[] } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return { comm: text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")), fields: text.slice(text.lastIndexOf(")") + 2).split(" ") };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** The live child processes of `pid`; only those running `comm` (e.g. "node", not tsx's esbuild) if given. */
export function childPids(pid: number, comm?: string): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    // Field 4 of stat (index 1 after the name) is the parent's pid.
    const s = stat(Number(name));
    if (s && Number(s.fields[1]) === pid && s.fields[0] !== "Z" && (comm === undefined || s.comm === comm)) out.push(Number(name));
  }
  return out;
}

const TICKS_PER_SEC = 100; // USER_HZ: 100 on every Linux architecture Node supports

/**
 * User + system CPU of `pid` and all its descendants, in µs (10 ms resolution per process):
 * the live ones' own, and the exited ones' as their parents' "waited-for children" times, so a
 * worker that dies and is replaced does not take its CPU time with it.
 */
export function treeCpuMicros(pid: number): number {
  const fields = stat(pid)?.fields;
  if (!fields) return 0;
  // utime, stime, cutime, cstime are fields 14-17 of stat (indices 11-14 after the name).
  const own = ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1e6) / TICKS_PER_SEC;
  return own + childPids(pid).reduce((sum, child) => sum + treeCpuMicros(child), 0);
}
