import type { Metadata } from "next";
import { pageUser } from "@/lib/auth/page";
import { Card, PageTitle } from "../_components/ui";
import { AccountForm, PasswordForm } from "./account-forms";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  // The session carries the current name and email (renewed when they change).
  const user = await pageUser();
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageTitle>Settings</PageTitle>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Account</h2>
        <AccountForm initial={{ name: user.name, email: user.email }} />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Password</h2>
        <PasswordForm />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Review</h2>
        <SettingsForm />
      </Card>
    </div>
  );
}
