// The Go SDK generated from the plugin's schema: compiles against the Pulumi Go SDK and works under its mocks.
// What runs here: codegen, `go test` of tests/provider-plugin/go/meeting_test.go. What does not: a Go program
// through the CLI (no Go language host is available to the toolchain; docs/PROVIDER-PLUGIN.md).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot, newWorkDir } from "../support/pulumi";
import { generateSdk, runGo } from "./sdk";

/** The generated SDK's module path: `language.go.importBasePath` of the schema without its package directory. */
const SDK_MODULE = "chime-meetings.local/sdk/go";

describe("chime-meetings Go SDK (generated from the schema, Pulumi Go mocks)", function () {
  // A machine with empty Go caches downloads and compiles the Pulumi Go SDK first (minutes); later runs take seconds.
  this.timeout(900_000);
  let workDir: string;
  let sdkDir: string;

  before(() => {
    workDir = newWorkDir("go-sdk");
    sdkDir = generateSdk(path.join(workDir, "sdk"), "go");
    fs.writeFileSync(
      path.join(sdkDir, "go.mod"),
      `module ${SDK_MODULE}\n\ngo 1.25.11\n\nrequire github.com/pulumi/pulumi/sdk/v3 v3.248.0\n`,
    );
    // The CLI build's checksums cover the Go SDK's module graph; Go verifies every download against them.
    fs.copyFileSync(path.join(repoRoot, "scripts", "pulumi-build", "gen-sdk", "go.sum"), path.join(sdkDir, "go.sum"));
    fs.mkdirSync(path.join(sdkDir, "mockstest"));
    fs.copyFileSync(path.join(__dirname, "go", "meeting_test.go"), path.join(sdkDir, "mockstest", "meeting_test.go"));
  });

  after(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("generates a Meeting whose attendees are secret outputs and whose create-only inputs replace", () => {
    const meeting = fs.readFileSync(path.join(sdkDir, "chimemeetings", "meeting.go"), "utf8");
    assert.match(meeting, /pulumi\.AdditionalSecretOutputs\(\[\]string\{\s*"attendees",?\s*\}\)/);
    assert.match(meeting, /pulumi\.ReplaceOnChanges\(\[\]string\{[^}]*"primaryMeetingId"/);
  });

  it("declares a meeting and a replica under pulumi.WithMocks and resolves their outputs (tests/provider-plugin/go/meeting_test.go)", () => {
    const out = runGo(["test", "-count=1", "-v", "./mockstest/"], sdkDir);
    assert.match(out, /--- PASS: TestMeetingAndReplicaUnderMocks/);
    assert.match(out, /^ok\s+chime-meetings\.local\/sdk\/go\/mockstest/m);
  });
});
