import { z } from "zod";
import { ApiError } from "@/lib/api/errors";

/** A malformed id is as unknown as a missing one: 404 naming the kind of thing. */
export async function uuidParam<K extends string>(params: Promise<Record<K, string>>, key: K, what: string): Promise<string> {
  const id = z.uuid().safeParse((await params)[key]);
  if (!id.success) throw new ApiError("not_found", `No such ${what}.`);
  return id.data;
}
