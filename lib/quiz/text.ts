/**
 * Free-text equivalence for options built from card text (definitions, basic
 * answers): two options that differ only in case, spacing or a final full stop
 * are the same option to a learner.
 */
export const textKey = (s: string): string =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.;:!?]+$/, "");

export const sameText = (a: string, b: string): boolean => textKey(a) === textKey(b);
