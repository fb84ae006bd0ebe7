import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "../_components/ui";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: an open redirect would let a link send a signed-in user anywhere.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Sign in</PageTitle>
      <Card>
        <SignInForm callbackUrl={next} initialError={error && error !== "CredentialsSignin" ? error : undefined} />
      </Card>
      <p className="mt-4 text-sm">
        No account yet? <Link className="font-medium text-sky-800 underline dark:text-sky-300" href="/register">Create one</Link>
      </p>
    </div>
  );
}
