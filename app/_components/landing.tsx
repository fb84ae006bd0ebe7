// The front door for signed-out visitors: what the app is, for whom, and the way in.
import Link from "next/link";
import { buttonLink, Card, textLink } from "./ui";

const secondaryLink =
  "inline-block rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

export function Landing() {
  return (
    <div className="mx-auto max-w-3xl">
      <section aria-labelledby="landing-title" className="py-6 sm:py-10">
        <h1 id="landing-title" className="text-3xl font-semibold tracking-tight sm:text-4xl">
          Remember history from its sources
        </h1>
        <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
          History Cards turns history documents into study cards (dates, the parties to an event, key terms), each with
          the sentence it came from and the source behind it. A spaced-repetition scheduler brings every card back just
          before you would forget it.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link className={buttonLink} href="/register">Create an account</Link>
          <Link className={secondaryLink} href="/signin">Sign in</Link>
        </div>
      </section>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">For students</h2>
          <ul className="list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
            <li>A few minutes of review a day, graded Again, Hard, Good or Easy, by keyboard or touch.</li>
            <li>Timed quizzes: multiple choice, typed years and chronologies.</li>
            <li>Join your class with the code your teacher gives you.</li>
          </ul>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">For teachers</h2>
          <ul className="list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
            <li>Classes with join codes; assign a deck as a review goal or a quiz, with due dates and accommodations.</li>
            <li>See each student&apos;s progress and predicted recall on the due date, and the cards the class struggles with.</li>
            <li>Make decks from your own documents, check the cards against their quotes, export to CSV or Anki.</li>
          </ul>
        </Card>
      </div>
      <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
        Forgot your password? Your teacher can give you a reset link, or{" "}
        <Link className={textLink} href="/forgot-password">reset it by email</Link>.
      </p>
    </div>
  );
}
