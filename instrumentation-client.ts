// Runs in the browser before the app hydrates (Next.js instrumentation-client).
// Zod tries `new Function("")` once, to decide whether to compile its parsers; the pages'
// Content-Security-Policy has no 'unsafe-eval' (lib/config/csp.ts), so the browser refuses it
// and reports a CSP violation even though zod catches the error. Jitless parsing skips the try.
import { z } from "zod";

z.config({ jitless: true });
