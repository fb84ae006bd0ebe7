"use client";

import { useRouter } from "next/navigation";
import { callApi, refusalOr } from "@/app/_components/api-call";
import { ConfirmButton } from "@/app/_components/confirm-button";

export function RemoveStudentButton({ classId, className, student }: { classId: string; className: string; student: { id: string; name: string } }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Remove"
      accessibleLabel={`Remove ${student.name}`}
      title={`Remove ${student.name} from ${className}?`}
      description="They stop seeing the class and its assignments. Their own reviews are kept; they can join again with the code."
      confirmLabel="Remove"
      onConfirm={() => refusalOr(callApi(`/api/classes/${classId}/students/${student.id}`, "DELETE"), () => router.refresh())}
    />
  );
}
