import { describe, expect, it } from "vitest";
import { parseFrontMatter, sourceMetaSchema } from "./frontmatter";

describe("front matter", () => {
  it("splits fields and body and reports the body offset", () => {
    const file = '---\ntitle: A: B\nslug: a-b\nnote: "quoted"\n---\nBody text.\n';
    const fm = parseFrontMatter(file);
    expect(fm.fields).toEqual({ title: "A: B", slug: "a-b", note: "quoted" });
    expect(fm.body).toBe("Body text.\n");
    expect(file.slice(fm.bodyOffset)).toBe(fm.body);
  });

  it("leaves a file without front matter alone", () => {
    expect(parseFrontMatter("# Title\n\ntext")).toEqual({ fields: {}, body: "# Title\n\ntext", bodyOffset: 0 });
  });

  it("validates source metadata", () => {
    expect(sourceMetaSchema.safeParse({ slug: "Bad Slug", title: "t", origin: "o", reliability: "r", note: "n" }).success).toBe(false);
  });
});
