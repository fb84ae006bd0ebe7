// Runs in the browser before the app hydrates (Next.js instrumentation-client).
// Zod tries `new Function("")` once, to decide whether to compile its parsers; the pages'
// Content-Security-Policy has no 'unsafe-eval' (lib/config/csp.ts), so the browser refuses it
// and reports a CSP violation even though zod catches the error. Jitless parsing skips the try.
// Zod keeps its configuration on globalThis.__zod_globalConfig (node_modules/zod/v4/core/core.js)
// and uses an object already there: setting it here does not import zod into every page (importing
// it cost /review 31 kB gzip of its 150 kB budget).
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(g.__zod_globalConfig ??= {}).jitless = true;
