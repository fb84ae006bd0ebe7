// `npm run check:bundle`: fails when a page's first-load JavaScript (gzip) exceeds its
// budget in the last production build (NEXT_DIST_DIR or .next). Run by `npm test` after
// the end-to-end step, which builds the app. Prints one JSON line per page.
import path from "node:path";
import { firstLoadJs } from "@/lib/bundle/first-load-js";
import { ROOT } from "@/lib/config/root";

/**
 * Budgets in bytes of gzip (1 kB = 1000 bytes). Issue 15 asks /review for at most 120 kB; measured,
 * React and Next's own client runtime alone are 131.7 kB of it (react-dom 71.6, next client 45.1,
 * framework 15.0), and the page with its layout 147.5 kB. The budget holds today's size with a
 * little room, so any growth fails `npm test`; the 120 kB target stays open (see the closing note).
 */
const BUDGETS: Record<string, number> = { "/review": 150_000 };

const distDir = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
let over = 0;
for (const [route, budget] of Object.entries(BUDGETS)) {
  const js = firstLoadJs(distDir, route);
  const ok = js.gzipBytes <= budget;
  if (!ok) over++;
  console.log(JSON.stringify({ name: "first_load_js_gzip_bytes", route, value: js.gzipBytes, budget, ok }));
  if (!ok) for (const f of [...js.files].sort((a, b) => b.gzipBytes - a.gzipBytes)) console.error(`  ${f.file}: ${f.gzipBytes} B gzip (${f.bytes} B)`);
}
process.exit(over > 0 ? 1 : 0);
