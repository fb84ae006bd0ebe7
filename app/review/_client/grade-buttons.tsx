// The four answer buttons, each with the interval it would schedule for this very card.
import type { QueueItem } from "@/lib/api/review";
import type { Rating } from "@/lib/api/review";

export const RATING_NAME: Record<Rating, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

// White on the -700 shades keeps WCAG AA contrast in both themes.
const COLOR: Record<Rating, string> = {
  1: "bg-red-700 hover:bg-red-800",
  2: "bg-amber-700 hover:bg-amber-800",
  3: "bg-green-700 hover:bg-green-800",
  4: "bg-sky-700 hover:bg-sky-800",
};

const RATINGS: Rating[] = [1, 2, 3, 4];

export function GradeButtons({ item, disabled, onGrade }: { item: QueueItem; disabled: boolean; onGrade(rating: Rating): void }) {
  return (
    <div role="group" aria-label="Grade your answer" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {RATINGS.map((rating) => (
        <button
          key={rating}
          type="button"
          disabled={disabled}
          aria-keyshortcuts={String(rating)}
          onClick={() => onGrade(rating)}
          className={`flex min-h-16 flex-col items-center justify-center rounded-lg px-3 py-2 font-semibold text-white disabled:opacity-60 ${COLOR[rating]}`}
        >
          <span>{RATING_NAME[rating]}</span>
          {/* Part of the accessible name: "Good 10m". */}
          <span className="text-sm font-normal"> {item.previews[rating].label}</span>
          <kbd aria-hidden className="mt-0.5 hidden font-sans text-xs font-normal sm:block">
            key {rating}
          </kbd>
        </button>
      ))}
    </div>
  );
}
