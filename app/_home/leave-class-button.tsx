"use client";

import { useRouter } from "next/navigation";
import { callApi, refusalOr } from "@/app/_components/api-call";
import { ConfirmButton } from "@/app/_components/confirm-button";

export function LeaveClassButton({ classId, className }: { classId: string; className: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Leave class"
      accessibleLabel={`Leave class ${className}`}
      title={`Leave ${className}?`}
      description="Its assignments disappear from your home page. Your own reviews are kept, and you can join again with the class code."
      confirmLabel="Leave"
      onConfirm={() => refusalOr(callApi(`/api/classes/${classId}/leave`, "POST"), () => router.refresh())}
    />
  );
}
