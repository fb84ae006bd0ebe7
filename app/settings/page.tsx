import type { Metadata } from "next";
import { pageUser } from "@/lib/auth/page";
import { Card, PageTitle } from "../_components/ui";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await pageUser();
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle>Settings</PageTitle>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Review</h2>
        <SettingsForm />
      </Card>
    </div>
  );
}
