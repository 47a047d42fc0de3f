import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStackConfig, SECRET_PLACEHOLDER } from "../../policies/offline/stack-config";

describe("offline check: stack config", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "policy-stack-config-"));
    writeFileSync(join(dir, "Pulumi.yaml"), "name: demo\nruntime: nodejs\nconfig:\n  demo:level:\n    default: low\n");
    writeFileSync(
      join(dir, "Pulumi.s1.yaml"),
      [
        "config:",
        "  aws:region: eu-west-1",
        "  demo:count: 3",
        "  demo:level: high",
        "  demo:meetings:",
        "    a:",
        "      mediaRegion: us-east-1",
        "  demo:apiKey:",
        "    secure: AAABAAA=",
        "",
      ].join("\n"),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("qualifies keys, stringifies scalars and JSON-encodes objects as setAllConfig expects", () => {
    const config = readStackConfig(dir, "s1");
    assert.equal(config.project, "demo");
    assert.deepEqual(config.values, {
      "demo:level": "high",
      "aws:region": "eu-west-1",
      "demo:count": "3",
      "demo:meetings": JSON.stringify({ a: { mediaRegion: "us-east-1" } }),
      "demo:apiKey": SECRET_PLACEHOLDER,
    });
    assert.deepEqual(config.secretKeys, ["demo:apiKey"]);
  });
});
