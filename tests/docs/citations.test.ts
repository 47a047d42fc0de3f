import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const SELF = path.relative(ROOT, __filename).split(path.sep).join("/");
const API_NOTES = "docs/API-NOTES.md";

/** Ways the code used to cite documents that were never part of the repository. */
const OUTSIDE_CITATIONS: readonly RegExp[] = [
  /\bspec \u00a7/, // the section sign, written as an escape so this line does not cite anything itself
  /\bSTYLE [A-Z][0-9]/,
  /shared\/reference/,
  /shared\/(STYLE|ARCHITECTURE)/,
  /\.\.\/shared\//,
  /\/work\/shared/,
  /\bpulumi-notes\b/,
  /chime-api-spec\.md/,
];

/** The section anchors other files cite; they must keep existing. */
const REQUIRED_ANCHORS = [
  "wire-protocol-and-errors",
  "operations",
  "lengths-patterns-and-enums",
  "attendee-capabilities",
  "meeting-features",
  "replica-meetings",
  "tenant-ids",
  "external-identifiers",
  "tags",
  "other-behaviours",
  "meeting-lifecycle",
  "idempotency",
  "quotas-and-throttling",
  "endpoints-and-signing",
  "regions",
  "notifications",
  "event-envelope",
  "arns-and-identifiers",
  "provider-notes",
  "unconfirmed-choices",
  "ssm-parameter-store-subset",
];

/** Files of the working tree: tracked ones and new ones not ignored, that exist now and are text. */
function repositoryFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT, maxBuffer: 64 << 20 });
  const names = [...new Set(out.toString("utf8").split("\0").filter(Boolean))];
  return names.filter((name) => {
    const full = path.join(ROOT, name);
    return fs.existsSync(full) && fs.statSync(full).isFile();
  });
}

function readText(name: string): string | undefined {
  const buf = fs.readFileSync(path.join(ROOT, name));
  return buf.includes(0) ? undefined : buf.toString("utf8");
}

/** `file:line: text` for every line of `text` matching one of the patterns. */
function matchingLines(name: string, text: string, patterns: readonly RegExp[]): string[] {
  const hits: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (patterns.some((p) => p.test(line))) hits.push(`${name}:${i + 1}: ${line.trim().slice(0, 160)}`);
  });
  return hits;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of stripFences(markdown).split("\n")) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Markdown with fenced code blocks blanked out (line numbers kept): their `#` lines are not headings. */
function stripFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, " "));
}

/** Markdown without code blocks and inline code spans, whose brackets are not links. */
function stripCode(markdown: string): string {
  return stripFences(markdown).replace(/`[^`\n]*`/g, (span) => " ".repeat(span.length));
}

interface Link {
  line: number;
  target: string;
}

function markdownLinks(markdown: string): Link[] {
  const links: Link[] = [];
  stripCode(markdown)
    .split("\n")
    .forEach((line, i) => {
      for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line: i + 1, target: m[1] });
    });
  return links;
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(name: string): Set<string> {
  let anchors = anchorCache.get(name);
  if (!anchors) {
    anchors = headingAnchors(fs.readFileSync(path.join(ROOT, name), "utf8"));
    anchorCache.set(name, anchors);
  }
  return anchors;
}

/** What is wrong with a relative link from `from` (undefined when it resolves). */
function brokenLink(from: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const [file, anchor] = target.split("#", 2);
  const resolved = file === "" ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURIComponent(file)));
  if (resolved.startsWith("../") || !fs.existsSync(path.join(ROOT, resolved))) return `${target}: no file ${resolved} in the repository`;
  if (anchor && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor.toLowerCase()))
    return `${target}: no heading #${anchor} in ${resolved}`;
  return undefined;
}

describe("docs: citations and links", () => {
  const files = repositoryFiles().filter((name) => name !== SELF);

  it("the scan recognises each way of citing a document outside the repository", () => {
    const samples = [
      "(spec " + "§4.2)",
      "STYLE " + "B2",
      "/work/shared/" + "reference/x.md",
      "../shared/" + "STYLE.md",
      "pulumi-" + "notes A8",
    ];
    for (const sample of samples) assert.equal(matchingLines("x.ts", `// ${sample}`, OUTSIDE_CITATIONS).length, 1, sample);
    assert.deepEqual(matchingLines("x.ts", "// docs/API-NOTES.md#meeting-features", OUTSIDE_CITATIONS), []);
  });

  it("the link check reports a missing file and a missing heading, and derives GitHub's anchors", () => {
    assert.match(brokenLink("README.md", "docs/NO-SUCH-PAGE.md") ?? "", /no file docs\/NO-SUCH-PAGE\.md/);
    assert.match(
      brokenLink("docs/EMULATOR.md", "API-NOTES.md#no-such-section") ?? "",
      /no heading #no-such-section in docs\/API-NOTES\.md/,
    );
    assert.equal(brokenLink("docs/EMULATOR.md", "API-NOTES.md#tenant-ids"), undefined);
    assert.deepEqual(
      [...headingAnchors("## Lengths, patterns and enums\n## `Meeting` inputs\n## Tags\n## Tags\n")],
      ["lengths-patterns-and-enums", "meeting-inputs", "tags", "tags-1"],
    );
  });

  it("no file cites a document that is not in the repository", () => {
    const hits = files.flatMap((name) => {
      const text = readText(name);
      return text === undefined ? [] : matchingLines(name, text, OUTSIDE_CITATIONS);
    });
    assert.deepEqual(hits, [], `cite docs/API-NOTES.md#<anchor> (or a public URL) instead:\n${hits.join("\n")}`);
  });

  it("docs/API-NOTES.md has every section heading the code cites by anchor", () => {
    const anchors = anchorsOf(API_NOTES);
    assert.deepEqual(
      REQUIRED_ANCHORS.filter((a) => !anchors.has(a)),
      [],
    );
  });

  it("every docs/API-NOTES.md#anchor cited anywhere names an existing heading", () => {
    const anchors = anchorsOf(API_NOTES);
    const cited = /API-NOTES\.md#([A-Za-z0-9_-]+)/g;
    const broken: string[] = [];
    let count = 0;
    for (const name of files) {
      const text = readText(name);
      if (text === undefined) continue;
      text.split("\n").forEach((line, i) => {
        for (const m of line.matchAll(cited)) {
          count++;
          if (!anchors.has(m[1])) broken.push(`${name}:${i + 1}: #${m[1]}`);
        }
      });
    }
    assert.ok(count > 0, "expected the code to cite docs/API-NOTES.md sections");
    assert.deepEqual(broken, [], `anchors missing from ${API_NOTES}:\n${broken.join("\n")}`);
  });

  it("every relative link in README.md, CONTRIBUTING.md and docs/*.md points to an existing file and heading", () => {
    const pages = files.filter((name) => name === "README.md" || name === "CONTRIBUTING.md" || /^docs\/[^/]+\.md$/.test(name));
    assert.ok(pages.includes(API_NOTES), `${API_NOTES} is among the checked pages`);
    const broken = pages.flatMap((page) =>
      markdownLinks(fs.readFileSync(path.join(ROOT, page), "utf8"))
        .map((link) => ({ link, problem: brokenLink(page, link.target) }))
        .filter((x) => x.problem !== undefined)
        .map((x) => `${page}:${x.link.line}: ${x.problem}`),
    );
    assert.deepEqual(broken, []);
  });
});
