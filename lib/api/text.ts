// Text Postgres cannot store, found at the API boundary. A NUL character is refused by
// text columns ("invalid byte sequence for encoding UTF8: 0x00") and by jsonb, and a lone
// UTF-16 surrogate has no UTF-8 form at all (jsonb refuses its escape), so either one
// reaching a query is a 500. The API refuses both with 422 before anything runs: every
// JSON body is checked as a whole when it is parsed (lib/http/handler.ts), and every
// path parameter in the route shell (lib/http/ids.ts). Shared with the browser code.
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
// Without the `u` flag the pattern sees UTF-16 code units, which is what is needed here.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` cannot be stored, as a sentence ending, or null when it can. */
export function unstorableText(s: string): string | null {
  if (s.includes("\u0000")) return "must not contain NUL characters (U+0000)";
  if (LONE_SURROGATE.test(s)) return "must not contain unpaired UTF-16 surrogates (invalid Unicode)";
  return null;
}

/** Where: the string's path, or, for a field name (`inName`), the path of its object. */
export type UnstorableText = { path: (string | number)[]; inName: boolean; problem: string };

/** "cards.0.prompt must not contain …", "field names in the body must not contain …". */
export function describeUnstorable({ path, inName, problem }: UnstorableText): { field: string; message: string } {
  const field = path.map(String).join(".");
  const where = field || "the body";
  return { field: field || "_", message: inName ? `field names in ${where} ${problem}` : `${where} ${problem}` };
}

/** A position in a JSON value: its key, and its parent's position (null at the top). */
type Step = { key: string | number; up: Step | null } | null;

function pathOf(step: Step): (string | number)[] {
  const path: (string | number)[] = [];
  for (let s = step; s; s = s.up) path.push(s.key);
  return path.reverse();
}

/**
 * The first string in a parsed JSON value, object keys included, that cannot be stored:
 * its path and the problem. Iterative, with each position linked to its parent rather than
 * carrying a copy of its path, so that a deeply nested body (64 KiB of "[" nests 65,536 deep)
 * costs linear time and no stack.
 */
export function findUnstorableText(value: unknown): UnstorableText | null {
  const stack: [unknown, Step][] = [[value, null]];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === "string") {
      const problem = unstorableText(v);
      if (problem) return { path: pathOf(at), inName: false, problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], { key: i, up: at }]);
    } else if (v !== null && typeof v === "object") {
      for (const [key, child] of Object.entries(v).reverse()) {
        // The bad name itself is not echoed in the path: the answer names its object.
        const problem = unstorableText(key);
        if (problem) return { path: pathOf(at), inName: true, problem };
        stack.push([child, { key, up: at }]);
      }
    }
  }
  return null;
}
