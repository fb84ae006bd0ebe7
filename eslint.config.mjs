import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// ---- Module boundaries (issue 11) ----
// One rule, @typescript-eslint/no-restricted-imports. A later block replaces an earlier
// block's options for the same rule, so each block below carries the whole list for its
// files, from the general (all of lib/) to the particular (one module, then its stores).
// Type-only imports of the Prisma client are allowed everywhere: app/, pages/ and the domain
// may hand the client on to a store.
const banned = {
  fsrs: { group: ["ts-fsrs", "ts-fsrs/*"], message: "ts-fsrs is lib/srs's alone: schedule through lib/srs." },
  framework: {
    group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "next-auth", "next-auth/*", "@radix-ui/*"],
    message: "Next.js and React belong in app/, pages/, lib/auth and lib/server; the rest of lib/ is plain TypeScript.",
  },
  storage: {
    group: ["pg", "@/lib/generated/*", "@/lib/generated/**"],
    allowTypeImports: true,
    message: "SQL and the database client's values belong in lib/db and the stores (store.ts, *-store.ts): call a store, or import the client as a type to hand it on.",
  },
  app: { group: ["@/app", "@/app/*", "@/app/**", "**/app/*", "**/app/**"], message: "Only app/ imports from app/: move what is shared into lib/." },
  // Type-only imports pass: the preview responses name the extractor's output types (lib/extract/types.ts), which adds no code.
  api: { group: ["@/lib/*", "!@/lib/api", "!@/lib/api/*"], allowTypeImports: true, message: "lib/api holds the contracts shared with the browser: it imports no domain module." },
  srs: { group: ["@/lib/*", "!@/lib/srs", "!@/lib/srs/*", "!@/lib/api", "!@/lib/api/*"], message: "lib/srs is the scheduler core: of lib/ it imports only lib/api." },
};
/** Modules a layer may not import: the layers are api < srs < db < learner, decks < review | quiz (siblings) < classes < stats. */
const above = (...mods) => ({
  group: mods.flatMap((m) => [`@/lib/${m}`, `@/lib/${m}/*`]),
  message: `No import up the layers (api < srs < db < learner, decks < review | quiz < classes < stats): not ${mods.join(", ")} from here.`,
});
const rule = (patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });
/**
 * `groups` and the layer's own bans (`layering`) for the files of `dir`, plus the storage ban
 * except in its stores. Tests keep `groups` only: an integration test may set up data through
 * a higher module (grade cards to check that a deck rebuild keeps progress).
 */
const layer = (dir, groups, layering = []) => [
  { files: [`${dir}/**/*.ts`, `${dir}/**/*.tsx`], rules: rule([...groups, ...layering, banned.storage]) },
  { files: [`${dir}/**/store.ts`, `${dir}/**/*-store.ts`], rules: rule([...groups, ...layering]) },
  { files: [`${dir}/**/*.test.ts`], rules: rule(groups) },
];
const plain = [banned.fsrs, banned.framework, banned.app];

const boundaries = [
  ...layer("lib", plain),
  ...layer("lib/api", plain, [banned.api]),
  ...layer("lib/srs", [banned.framework, banned.app], [banned.srs]),
  { files: ["lib/db/**/*.ts"], rules: rule([...plain, above("learner", "decks", "review", "quiz", "classes", "stats", "authoring", "account", "optimizer", "auth")]) },
  { files: ["lib/db/**/*.test.ts"], rules: rule(plain) },
  ...layer("lib/learner", plain, [above("review", "quiz", "classes", "stats")]),
  ...layer("lib/decks", plain, [above("review", "quiz", "classes", "stats")]),
  ...layer("lib/review", plain, [above("quiz", "classes", "stats")]),
  ...layer("lib/quiz", plain, [above("review", "classes", "stats")]),
  ...layer("lib/classes", plain, [above("stats")]),
  ...layer("lib/auth", [banned.fsrs, banned.app]),
  // Tooling: the server process, npm scripts, benches and test set-up load data and start Next.js.
  { files: ["lib/server/**/*.ts"], rules: rule([banned.fsrs, banned.app]) },
  { files: ["lib/cli/**/*.ts", "lib/bench/**/*.ts", "lib/testing/**/*.ts"], rules: rule(plain) },
  // The shells: parse, call lib/, render or answer. No SQL of their own.
  { files: ["app/**/*.ts", "app/**/*.tsx"], rules: rule([banned.fsrs, banned.storage]) },
  { files: ["pages/**/*.ts", "pages/**/*.tsx", "proxy.ts"], rules: rule([banned.fsrs, banned.storage, banned.app]) },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "lib/generated/**", "prisma/diff-tool/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...boundaries,
]);
