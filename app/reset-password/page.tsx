import type { Metadata } from "next";
import { Card, PageTitle } from "../_components/ui";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default function ResetPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Choose a new password</PageTitle>
      <Card>
        <ResetPasswordForm />
      </Card>
    </div>
  );
}
