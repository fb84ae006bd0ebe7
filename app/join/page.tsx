import type { Metadata } from "next";
import { pageUser } from "@/lib/auth/page";
import { Card, PageTitle } from "../_components/ui";
import { JoinForm } from "./_client/join-form";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  await pageUser();
  const raw = (await searchParams).code;
  const code = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 20) ?? "";
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Join a class</PageTitle>
      <Card>
        <JoinForm initialCode={code} />
      </Card>
    </div>
  );
}
