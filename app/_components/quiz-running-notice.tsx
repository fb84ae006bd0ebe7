import Link from "next/link";
import { Card } from "./ui";

/** Said instead of a deck's cards while the learner's assigned quiz on it runs (lib/quiz/running.ts). */
export function QuizRunningNotice({ attemptId }: { attemptId: string }) {
  return (
    <Card>
      <p>Your quiz on this deck is running, so its cards are hidden until you submit it or its time is up.</p>
      <Link className="mt-2 inline-block text-sky-800 underline dark:text-sky-300" href={`/quiz/${attemptId}`}>Back to the quiz</Link>
    </Card>
  );
}
