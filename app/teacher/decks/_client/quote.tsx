// A card's source quote, highlighted within the passage around it, and an unused date
// highlighted in its sentence. Plain text only: React escapes it, so imported markup is
// shown, never run.
import type { UnusedDate } from "@/lib/extract/types";
import { quoteInContext } from "@/lib/decks/context";

function Highlight({ children }: { children: string }) {
  return <mark className="bg-amber-100 text-slate-900 dark:bg-amber-900 dark:text-amber-50">{children}</mark>;
}

export function QuoteInContext({ text, start, end, quote, citation }: { text: string | null; start: number; end: number; quote: string; citation: string | null }) {
  const ctx = text ? quoteInContext(text, start, end, 100) : null;
  if (!ctx && !quote) return <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No source quote{citation ? ` · Citation: ${citation}` : ""}</p>;
  return (
    <figure className="mt-2 border-l-4 border-slate-300 pl-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
      <blockquote className="whitespace-pre-wrap">
        {ctx ? (
          <>
            {ctx.before}
            <Highlight>{ctx.quote}</Highlight>
            {ctx.after}
          </>
        ) : (
          quote
        )}
      </blockquote>
      <figcaption className="mt-1">{citation ? `Citation: ${citation}` : "No citation in the source"}</figcaption>
    </figure>
  );
}

/**
 * The extractor's excerpt with the date marked. The excerpt is collapsed and shortened, so
 * the date is found by its text; when that is ambiguous or cut off, the document's own
 * passage around the date's offsets is shown instead.
 */
export function DateInExcerpt({ date, text }: { date: UnusedDate; text: string }) {
  const written = date.text.replace(/\s+/g, " ");
  const at = date.excerpt.indexOf(written);
  const parts =
    at >= 0 && date.excerpt.indexOf(written, at + 1) < 0
      ? { before: date.excerpt.slice(0, at), quote: written, after: date.excerpt.slice(at + written.length) }
      : quoteInContext(text, date.start, date.end, 80);
  if (!parts) return <Highlight>{written}</Highlight>;
  return (
    <span className="whitespace-pre-wrap">
      {parts.before}
      <Highlight>{parts.quote}</Highlight>
      {parts.after}
    </span>
  );
}
