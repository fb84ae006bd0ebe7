import Link from "next/link";
import { PageTitle } from "../_components/ui";

export const metadata = { title: "Not allowed" };

export default function Forbidden() {
  return (
    <div>
      <PageTitle>Not allowed</PageTitle>
      <p className="mb-4">This page is for teachers. Your account is a student account.</p>
      <Link className="font-medium text-sky-800 underline dark:text-sky-300" href="/">Back to your home page</Link>
    </div>
  );
}
