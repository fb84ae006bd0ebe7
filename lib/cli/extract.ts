// `npm run --silent extract -- FILE [FILE...]`: prints ONE JSON object
// {"cards": [...]} for plain-text or Markdown documents (document = file base
// name). Front matter in a .md file is stripped first; offsets then refer to
// the body after the front matter (quote === body.slice(start, end)).
// Unreadable, binary or empty input: one line on stderr, exit code 2, nothing on stdout.
import { readFileSync } from "node:fs";
import path from "node:path";
import { extractCards } from "@/lib/extract/extract";
import { parseFrontMatter } from "@/lib/extract/frontmatter";
import { loadRules } from "@/lib/extract/rules";
import type { Card } from "@/lib/extract/types";

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}

function readText(file: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(`cannot read ${file}${code ? ` (${code})` : ""}`);
  }
  if (buf.includes(0)) fail(`${file} looks binary (contains NUL bytes); give a plain-text or Markdown file`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    fail(`${file} is not valid UTF-8 text`);
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

const files = process.argv.slice(2).filter((a) => a !== "--");
if (files.length === 0) fail("usage: npm run --silent extract -- FILE [FILE...]");

let rules;
try {
  rules = loadRules();
} catch (err) {
  fail((err as Error).message);
}

// Read and check every file before printing anything: stdout is all or nothing.
const docs = files.map((file) => {
  const raw = readText(file);
  let text = raw;
  if (/\.(md|markdown)$/i.test(file)) {
    try {
      text = parseFrontMatter(raw).body;
    } catch (err) {
      fail(`${file}: ${(err as Error).message}`);
    }
  }
  if (text.trim() === "") fail(`${file} is empty`);
  return { name: path.basename(file), text };
});

const cards: Card[] = docs.flatMap((doc) => extractCards(doc, rules).cards);
process.stdout.write(`${JSON.stringify({ cards })}\n`);
