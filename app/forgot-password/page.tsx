import type { Metadata } from "next";
import Link from "next/link";
import { mailConfig } from "@/lib/account/reset-mail";
import { Card, PageTitle, textLink } from "../_components/ui";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  // Whether this server can send mail at all decides what the page can offer.
  const canMail = mailConfig() !== null;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Forgot your password?</PageTitle>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Students</h2>
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          Ask your teacher: on your class&apos;s page they can make you a one-time reset link.
        </p>
        <h2 className="mb-2 text-lg font-semibold">By email</h2>
        {canMail ? (
          <ForgotPasswordForm />
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            This server does not send email. Whoever runs it can make you a reset link with{" "}
            <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">npm run reset-password -- your@email</code>.
          </p>
        )}
      </Card>
      <p className="mt-4 text-sm">
        Remembered it? <Link className={textLink} href="/signin">Sign in</Link>
      </p>
    </div>
  );
}
