"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Alert, Button, Field, SecondaryButton } from "../../_components/ui";
import { callApi } from "../../classes/_client/api";
import { DialogClose, Modal } from "../../classes/_client/dialog";

const createdSchema = z.object({ class: z.object({ id: z.string() }) });

export function CreateClassDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; name?: string }>();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    setBusy(true);
    setError(undefined);
    const res = await callApi("/api/classes", "POST", { name });
    if (!res.ok) {
      setBusy(false);
      setError({ message: res.message, name: res.fields.name });
      return;
    }
    const created = createdSchema.safeParse(res.data);
    router.push(created.success ? `/teacher/classes/${created.data.class.id}` : "/teacher");
    router.refresh();
  }

  return (
    <Modal
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(undefined);
        setBusy(false);
      }}
      title="Create a class"
      description="Students join with a code you share with them; you can make a new code at any time."
      trigger={<Button type="button">Create class</Button>}
    >
      <form onSubmit={onSubmit} noValidate>
        {error && <Alert>{error.message}</Alert>}
        <Field label="Class name" id="class-name" name="name" maxLength={100} required autoComplete="off" error={error?.name} />
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <SecondaryButton type="button">Cancel</SecondaryButton>
          </DialogClose>
          <Button type="submit" disabled={busy}>
            {busy ? "Creating…" : "Create"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
