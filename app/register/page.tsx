import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackUrl, withCallback } from "@/lib/auth/callback-url";
import { teacherSignup } from "@/lib/auth/teacher-invitations";
import { Card, PageTitle } from "../_components/ui";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const next = safeCallbackUrl((await searchParams).callbackUrl);
  // Signed in already: nothing to offer here. Checked here, not in proxy.ts, against the
  // database, so a signed-out token is shown the form instead of bouncing back home.
  if (await currentUser()) redirect(next);
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Create an account</PageTitle>
      <Card>
        <RegisterForm callbackUrl={next} teacherSignupOpen={teacherSignup() === "open"} />
      </Card>
      <p className="mt-4 text-sm">
        Already registered? <Link className="font-medium text-sky-800 underline dark:text-sky-300" href={withCallback("/signin", next)}>Sign in</Link>
      </p>
    </div>
  );
}
