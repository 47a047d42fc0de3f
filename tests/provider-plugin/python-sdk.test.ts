// The Python SDK generated from the plugin's schema: installs with pip and works under Pulumi's Python mocks.
// What runs here: codegen, pip, and the SDK's resource registration against the mock monitor. What does not:
// a Python program through the CLI (no Python language host is available to the toolchain; docs/PROVIDER-PLUGIN.md).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { newWorkDir } from "../support/pulumi";
import { generateSdk, pipInstall, pythonVenv, runPython } from "./sdk";

describe("chime-meetings Python SDK (generated from the schema, Pulumi Python mocks)", function () {
  this.timeout(300_000);
  let workDir: string;
  let sdkDir: string;
  let python: string;

  before(() => {
    workDir = newWorkDir("python-sdk");
    sdkDir = generateSdk(path.join(workDir, "sdk"), "python");
    python = pythonVenv();
    pipInstall(python, sdkDir);
  });

  after(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("generates a Meeting whose attendees are secret outputs and whose create-only inputs replace", () => {
    const meeting = fs.readFileSync(path.join(sdkDir, "pulumi_chime_meetings", "meeting.py"), "utf8");
    assert.match(meeting, /additional_secret_outputs=\["attendees"\]/);
    assert.match(meeting, /replace_on_changes=\[[^\]]*"externalMeetingId"[^\]]*"primaryMeetingId"/);
    const outputs = fs.readFileSync(path.join(sdkDir, "pulumi_chime_meetings", "outputs.py"), "utf8");
    assert.match(outputs, /class AttendeeOutput\(dict\):[\s\S]*def join_token\(self\)/);
  });

  it("installs with pip and imports as pulumi_chime_meetings", () => {
    const out = runPython(python, ["-c", "import pulumi_chime_meetings as c; print(c.Meeting.__module__)"], workDir);
    assert.equal(out.trim(), "pulumi_chime_meetings.meeting");
  });

  it("declares a meeting and a replica under set_mocks and resolves their outputs (tests/provider-plugin/python/test_meeting.py)", () => {
    const out = runPython(python, ["-m", "unittest", "-v", "test_meeting"], path.join(__dirname, "python"));
    assert.match(out, /Ran 3 tests/);
    assert.match(out, /^OK$/m);
  });
});
