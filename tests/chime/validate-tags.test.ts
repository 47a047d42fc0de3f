import assert from "node:assert/strict";
import { formatViolation, validateTagKeys, validateTags } from "../../chime/validate";
import type { Tag } from "../../chime/types";

const tags = (n: number): Tag[] => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: "v" }));

describe("chime validateTags", () => {
  const rows: { name: string; t: Tag[]; paths: string[] }[] = [
    { name: "accepts no tags", t: [], paths: [] },
    { name: "accepts 50 tags", t: tags(50), paths: [] },
    { name: "rejects 51 tags", t: tags(51), paths: ["tags"] },
    { name: "accepts a 1-character key", t: [{ key: "k", value: "" }], paths: [] },
    { name: "rejects an empty key", t: [{ key: "", value: "v" }], paths: ["tags[0].key"] },
    { name: "accepts a 128-character key", t: [{ key: "k".repeat(128), value: "v" }], paths: [] },
    { name: "rejects a 129-character key", t: [{ key: "k".repeat(129), value: "v" }], paths: ["tags[0].key"] },
    { name: "accepts digits and the +-= range in keys", t: [{ key: "team:cost-center/01=a;b", value: "v" }], paths: [] },
    { name: "rejects a space in a key", t: [{ key: "cost center", value: "v" }], paths: ["tags[0].key"] },
    { name: "rejects a key starting with aws:", t: [{ key: "aws:owner", value: "v" }], paths: ["tags[0].key"] },
    { name: "rejects a key starting with AWS: (case-insensitive)", t: [{ key: "AWS:owner", value: "v" }], paths: ["tags[0].key"] },
    { name: "accepts a 256-character value", t: [{ key: "k", value: "v".repeat(256) }], paths: [] },
    { name: "rejects a 257-character value", t: [{ key: "k", value: "v".repeat(257) }], paths: ["tags[0].value"] },
    { name: "accepts spaces and @ in values", t: [{ key: "k", value: "Jane Doe @ team.one/x" }], paths: [] },
    { name: "rejects a value with characters outside the pattern", t: [{ key: "k", value: "a*b" }], paths: ["tags[0].value"] },
    { name: "rejects a tag without a value", t: [{ key: "k" } as Tag], paths: ["tags[0].value"] },
    {
      name: "rejects duplicate keys",
      t: [
        { key: "k", value: "1" },
        { key: "k", value: "2" },
      ],
      paths: ["tags[1].key"],
    },
  ];
  for (const row of rows) {
    it(row.name, () =>
      assert.deepEqual(
        validateTags(row.t).map((v) => v.path),
        row.paths,
      ),
    );
  }

  it("describes a too-long list by its size", () => {
    assert.deepEqual(validateTags(tags(51)).map(formatViolation), ['tags: value "51 items" must have at most 50 items']);
  });
});

describe("chime validateTagKeys", () => {
  it("accepts 50 keys", () => assert.deepEqual(validateTagKeys(tags(50).map((t) => t.key)), []));
  it("rejects 51 keys", () =>
    assert.deepEqual(
      validateTagKeys(tags(51).map((t) => t.key)).map((v) => v.path),
      ["tagKeys"],
    ));
  it("rejects a key outside the tag-key pattern", () =>
    assert.deepEqual(
      validateTagKeys(["a b"]).map((v) => v.path),
      ["tagKeys[0]"],
    ));
});
