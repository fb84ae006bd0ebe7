import { requireTeacher } from "@/lib/auth/session";
import { previewCsv } from "@/lib/authoring/csv-import";
import { handle, json } from "@/lib/http/handler";
import { documentFromRequest } from "../../../_http/upload";

export const POST = handle(async (req) => {
  await requireTeacher();
  const file = await documentFromRequest(req);
  return json({ preview: previewCsv(file.text, file.name) });
});
