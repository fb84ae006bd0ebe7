import { z } from "zod";

/**
 * YAML-ish front matter of content/sources/*.md: one `key: value` per line
 * between `---` fences. Values are plain text (a value may contain colons;
 * surrounding double quotes are removed). Deliberately not a YAML parser: the
 * files are hand-edited by teachers and a tiny format is easier to get right.
 *
 * Offsets: extraction runs on the BODY (the text after the closing fence), and
 * card offsets refer to that body: quote === body.slice(start, end). `bodyOffset`
 * tells where the body starts in the file for tools that need file offsets.
 */

export interface FrontMatter {
  fields: Record<string, string>;
  body: string;
  /** Offset of the body within the original file text. */
  bodyOffset: number;
}

const FENCE = /^---[ \t]*\r?\n/;

export function parseFrontMatter(fileText: string): FrontMatter {
  const text = fileText.startsWith("\uFEFF") ? fileText.slice(1) : fileText;
  const bom = fileText.length - text.length;
  const open = FENCE.exec(text);
  if (!open) return { fields: {}, body: fileText, bodyOffset: 0 };
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return { fields: {}, body: fileText, bodyOffset: 0 };
  const fields: Record<string, string> = {};
  for (const line of rest.slice(0, m.index).split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv?.[1]) throw new Error(`front matter: cannot read line "${line}"`);
    const value = (kv[2] ?? "").trim();
    fields[kv[1]] = /^".*"$/.test(value) ? value.slice(1, -1) : value;
  }
  const bodyOffset = bom + open[0].length + m.index + m[0].length;
  return { fields, body: fileText.slice(bodyOffset), bodyOffset };
}

export const sourceMetaSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug: lower-case words joined by hyphens"),
  title: z.string().min(1),
  origin: z.string().min(1),
  reliability: z.string().min(1),
  note: z.string().min(1),
});
export type SourceMeta = z.infer<typeof sourceMetaSchema>;
