"use client";

import { useRouter } from "next/navigation";
import { z } from "zod";
import { Button, Field } from "../../_components/ui";
import { ApiForm, FormDialog } from "@/app/_components/form-dialog";

const createdSchema = z.object({ class: z.object({ id: z.string() }) });

function CreateClassForm() {
  const router = useRouter();
  return (
    <ApiForm
      url="/api/classes"
      method="POST"
      body={(form) => ({ name: String(new FormData(form).get("name") ?? "") })}
      onSuccess={(data) => {
        const created = createdSchema.safeParse(data);
        router.push(created.success ? `/teacher/classes/${created.data.class.id}` : "/teacher");
      }}
      submitLabel="Create"
      busyLabel="Creating…"
      actionsClassName="mt-4 flex justify-end gap-2"
    >
      {(errors) => <Field label="Class name" id="class-name" name="name" maxLength={100} required autoComplete="off" error={errors?.name} />}
    </ApiForm>
  );
}

export function CreateClassDialog() {
  return (
    <FormDialog
      title="Create a class"
      description="Students join with a code you share with them; you can make a new code at any time."
      trigger={<Button type="button">Create class</Button>}
    >
      {() => <CreateClassForm />}
    </FormDialog>
  );
}
