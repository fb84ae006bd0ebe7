import Link from "next/link";

export default function NotFound() {
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Not found</h1>
      <p className="mb-4">There is nothing here, or it is not yours to see.</p>
      <Link className="font-medium text-sky-800 underline dark:text-sky-300" href="/">Back to your home page</Link>
    </div>
  );
}
