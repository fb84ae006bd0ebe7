import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackUrl, withCallback } from "@/lib/auth/callback-url";
import { Card, PageTitle } from "../_components/ui";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const next = safeCallbackUrl(callbackUrl);
  // Signed in already: nothing to offer here. Checked here, not in proxy.ts, against the
  // database, so a signed-out token is shown the form instead of bouncing back home.
  if (await currentUser()) redirect(next);
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Sign in</PageTitle>
      <Card>
        <SignInForm callbackUrl={next} initialError={error && error !== "CredentialsSignin" ? error : undefined} />
      </Card>
      <p className="mt-4 text-sm">
        <Link className="font-medium text-sky-800 underline dark:text-sky-300" href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="mt-2 text-sm">
        No account yet? <Link className="font-medium text-sky-800 underline dark:text-sky-300" href={withCallback("/register", next)}>Create one</Link>
      </p>
    </div>
  );
}
