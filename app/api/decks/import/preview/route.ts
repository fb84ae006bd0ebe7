import { requireTeacher } from "@/lib/auth/session";
import { previewImport } from "@/lib/authoring/preview";
import { handle, json } from "@/lib/http/handler";
import { documentFromRequest } from "../../_http/upload";

export const POST = handle(async (req) => {
  await requireTeacher();
  return json({ preview: previewImport(await documentFromRequest(req)) });
});
