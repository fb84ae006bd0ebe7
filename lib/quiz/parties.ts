import { textKey } from "./text";

/**
 * Party lists compared as sets of names, so "Germany and the Soviet Union" and
 * "the Soviet Union and Germany" are one answer. Names are matched ignoring
 * case, spacing, full stops and a leading "the", and through aliases
 * ("U.S.S.R." = "Soviet Union") when the deck supplies them.
 */

/** Normalised name -> canonical name of its alias group. */
export type Aliases = ReadonlyMap<string, string>;

const NO_ALIASES: Aliases = new Map();

/** A party name reduced to what identifies it: "The U.S.S.R. " -> "ussr". */
export const nameKey = (name: string): string =>
  textKey(name)
    .replace(/\./g, "")
    .replace(/^the\s+/, "")
    .trim();

/**
 * Alias groups from pairs of names for the same thing (the deck's term cards:
 * term "U.S.S.R.", definition "Union of Soviet Socialist Republics"). Pairs
 * chain: if A = B and B = C then A = C. Each group's canonical name is its
 * alphabetically first key, so the result does not depend on pair order.
 * Over-merging (a term whose definition is not a name) only makes two option
 * texts count as the same, which can cost a distractor but never admits a
 * second correct option.
 */
export function buildAliases(pairs: Iterable<readonly [string, string]>): Aliases {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    return root;
  };
  for (const [a, b] of pairs) {
    const ka = nameKey(a);
    const kb = nameKey(b);
    if (!ka || !kb) continue;
    if (!parent.has(ka)) parent.set(ka, ka);
    if (!parent.has(kb)) parent.set(kb, kb);
    const [ra, rb] = [find(ka), find(kb)];
    // The smaller root wins, so the canonical name is the group's minimum.
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const out = new Map<string, string>();
  for (const k of parent.keys()) out.set(k, find(k));
  return out;
}

export const canonicalParty = (name: string, aliases: Aliases = NO_ALIASES): string => {
  const k = nameKey(name);
  return aliases.get(k) ?? k;
};

/** The distinct canonical names of a party list, sorted. */
export const canonicalPartySet = (parties: readonly string[], aliases: Aliases = NO_ALIASES): string[] =>
  [...new Set(parties.map((p) => canonicalParty(p, aliases)))].sort();

/** An order-insensitive identity for a party list; equal keys mean the same answer. */
export const partySetKey = (parties: readonly string[], aliases: Aliases = NO_ALIASES): string =>
  JSON.stringify(canonicalPartySet(parties, aliases));

export const sameParties = (a: readonly string[], b: readonly string[], aliases: Aliases = NO_ALIASES): boolean =>
  partySetKey(a, aliases) === partySetKey(b, aliases);
