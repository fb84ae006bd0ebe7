// A card's source quote, highlighted within the passage around it. Plain text only:
// React escapes it, so imported markup is shown, never run.
import { quoteInContext } from "@/lib/decks/context";

export function QuoteInContext({ text, start, end, quote, citation }: { text: string | null; start: number; end: number; quote: string; citation: string | null }) {
  const ctx = text ? quoteInContext(text, start, end, 100) : null;
  if (!ctx && !quote) return <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No source quote{citation ? ` · Citation: ${citation}` : ""}</p>;
  return (
    <figure className="mt-2 border-l-4 border-slate-300 pl-3 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
      <blockquote className="whitespace-pre-wrap">
        {ctx ? (
          <>
            {ctx.before}
            <mark className="bg-amber-100 text-slate-900 dark:bg-amber-900 dark:text-amber-50">{ctx.quote}</mark>
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
