// Bad input catalogue, through the real CLI: a representative subset of (a) stack config and (b) Meeting
// inputs, each failing `pulumi preview` (one stack, program = the repository's index.ts plus one Meeting
// declared straight from config) with a message naming field, value and rule, and no request at the API.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { newEmulatorStack, newWorkDir, repoRoot } from "../support/pulumi";
import { M, PREVIEW_ROWS } from "./catalogue-preview";
import { assertNamesFieldValueRule } from "./rows";

function program(workDir: string): string {
  const rel = (p: string) => path.relative(workDir, path.join(repoRoot, p)).split(path.sep).join("/");
  return [
    'import * as pulumi from "@pulumi/pulumi";',
    `import { Meeting } from "${rel("components/meeting/meeting")}";`,
    `export * from "${rel("index")}";`,
    "// A Meeting declared straight from config, so its inputs reach the provider's check() unfiltered by the stack config rules.",
    'const args = new pulumi.Config("badinput").getObject<Record<string, unknown>>("meetingArgs");',
    'if (args) new Meeting("direct", args as never);',
    "",
  ].join("\n");
}

describe("bad input through a real `pulumi preview` (CLI v3.248.0, emulator)", function () {
  this.timeout(600_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newWorkDir("badinput");
    fs.writeFileSync(
      path.join(workDir, "Pulumi.yaml"),
      "name: chime-meetings\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n",
    );
    fs.writeFileSync(path.join(workDir, "index.ts"), program(workDir));
    stack = await newEmulatorStack(workDir, "badinput", { url: emulator.url, accessKeyId: "test", secretAccessKey: "test" });
    await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  for (const row of PREVIEW_ROWS) {
    it(`${row.name}, naming field, value and rule, with no API call`, async () => {
      await stack.setConfig(M, { value: JSON.stringify(row.input.meetings ?? {}) });
      if (row.input.meetingArgs) await stack.setConfig("badinput:meetingArgs", { value: JSON.stringify(row.input.meetingArgs) });
      else await stack.removeConfig("badinput:meetingArgs");
      await admin.clearRequests();
      await assert.rejects(stack.preview(), (err: Error) => {
        assertNamesFieldValueRule(err.message, row);
        // Resource inputs are refused by the provider's check(), which the engine reports against the resource.
        if (row.input.meetingArgs) assert.match(err.message, /pulumi-nodejs:dynamic\/chime:Meeting resource 'direct': property /);
        // The path is one the engine parses, so it names the property as the user wrote it (tags["aws:team"]).
        if (row.input.meetingArgs) assert.ok(err.message.includes(`property ${row.field} value`), `the engine names property ${row.field}`);
        return true;
      });
      assert.deepEqual(await admin.requests(), []);
    });
  }
});
