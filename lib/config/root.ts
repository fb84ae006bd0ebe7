import path from "node:path";

/** The repository root, for command-line entry points (not for bundled app code). */
export const ROOT = path.resolve(import.meta.dirname, "../..");
