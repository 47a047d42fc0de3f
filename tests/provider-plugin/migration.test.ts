// Moving meetings from the dynamic `Meeting` to the plugin's `chime-meetings:index:Meeting` (docs/PROVIDER-PLUGIN.md):
// with an alias to the old type the engine keeps the meeting (same id, same join tokens); without one the
// meeting is replaced, which is a new meeting with new join tokens.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ChimeSDKMeetings } from "@aws-sdk/client-chime-sdk-meetings";
import type { Stack } from "@pulumi/pulumi/automation";
import { DYNAMIC_MEETING_TYPE, PLUGIN_MEETING_TYPE } from "../../components/meeting/type-tokens";
import { EmulatorAdminClient, startEmulator, type AdminMeeting, type RunningEmulator } from "../../emulator";
import { newEmulatorStack, newWorkDir, repoRoot } from "../support/pulumi";
import { generateSdk } from "./sdk";
import { pluginProjectLines } from "./yaml-program";
import { liveMeetings } from "../support/meetings";

const ACCESS_KEY = "AKIAE2EMIGRATION0001";
const SECRET_KEY = "e2e-migration-secret-access-key-0001";
const PROJECT = "chime-migration";

const ARGS = {
  kept: { externalMeetingId: "migrate-kept", mediaRegion: "us-east-1", attendees: [{ externalUserId: "host-sam" }] },
  replaced: { externalMeetingId: "migrate-replaced", mediaRegion: "us-east-1", attendees: [{ externalUserId: "host-kim" }] },
};

function dynamicProgram(workDir: string): string {
  const lib = path.relative(workDir, path.join(repoRoot, "lib")).split(path.sep).join("/");
  return `import { Meeting } from "${lib}";

const kept = new Meeting("kept", ${JSON.stringify(ARGS.kept)});
const replaced = new Meeting("replaced", ${JSON.stringify(ARGS.replaced)});
export const tokens = { kept: kept.attendees, replaced: replaced.attendees };
`;
}

const pluginProgram = `import * as chime from "./sdk/nodejs";

const kept = new chime.Meeting("kept", ${JSON.stringify(ARGS.kept)}, { aliases: [{ type: "${DYNAMIC_MEETING_TYPE}" }] });
const replaced = new chime.Meeting("replaced", ${JSON.stringify(ARGS.replaced)});
export const tokens = { kept: kept.attendees, replaced: replaced.attendees };
`;

type Tokens = Record<"kept" | "replaced", { joinToken: string }[]>;

describe("migration from the dynamic Meeting to the plugin's Meeting (real CLI, emulator)", function () {
  this.timeout(600_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;
  let liveBefore: Map<string, AdminMeeting>;
  let tokensBefore: Tokens;

  const live = (): Promise<Map<string, AdminMeeting>> => liveMeetings(admin);

  async function types(): Promise<Record<string, string>> {
    const exported = await stack.exportStack();
    const resources = exported.deployment.resources as { type: string; urn: string }[];
    return Object.fromEntries(resources.filter((r) => r.type.endsWith("Meeting")).map((r) => [r.urn.split("::").pop()!, r.type]));
  }

  before(async () => {
    emulator = await startEmulator({ port: 0, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newWorkDir("migration");
    generateSdk(path.join(workDir, "sdk"), "nodejs");
    fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), [...pluginProjectLines(PROJECT, "nodejs"), ""].join("\n"));
    fs.writeFileSync(path.join(workDir, "index.ts"), dynamicProgram(workDir));
    stack = await newEmulatorStack(workDir, "e2e", { url: emulator.url, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY });
    const up = await stack.up();
    assert.equal(up.summary.result, "succeeded");
    assert.deepEqual(await types(), { kept: DYNAMIC_MEETING_TYPE, replaced: DYNAMIC_MEETING_TYPE });
    liveBefore = await live();
    tokensBefore = up.outputs.tokens.value as Tokens;
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("keeps the aliased meeting (same id and join tokens, its state rewritten with no API call) and replaces the other with a new meeting and new tokens", async () => {
    fs.writeFileSync(path.join(workDir, "index.ts"), pluginProgram);
    await admin.clearRequests();
    const up = await stack.up();
    assert.equal(up.summary.result, "succeeded");
    // The replaced meeting's create and delete are the only calls: the kept one's update writes only its state.
    assert.deepEqual((await admin.requests()).map((r) => r.operation).sort(), ["CreateMeetingWithAttendees", "DeleteMeeting"]);
    assert.deepEqual(await types(), { kept: PLUGIN_MEETING_TYPE, replaced: PLUGIN_MEETING_TYPE });
    const after = await live();
    assert.equal(after.size, 2);
    assert.equal(after.get("migrate-kept")?.meetingId, liveBefore.get("migrate-kept")?.meetingId);
    assert.notEqual(after.get("migrate-replaced")?.meetingId, liveBefore.get("migrate-replaced")?.meetingId);
    const tokensAfter = up.outputs.tokens.value as Tokens;
    assert.equal(tokensAfter.kept[0].joinToken, tokensBefore.kept[0].joinToken);
    assert.notEqual(tokensAfter.replaced[0].joinToken, tokensBefore.replaced[0].joinToken);
  });

  it("then refreshes and updates the kept meeting through the plugin, dropping the serialized provider", async () => {
    const refresh = await stack.refresh();
    assert.equal(refresh.summary.result, "succeeded");
    const exported = await stack.exportStack();
    const kept = (exported.deployment.resources as { urn: string; outputs: Record<string, unknown> }[]).find((r) =>
      r.urn.endsWith("::kept"),
    )!;
    assert.equal(kept.outputs.__provider, undefined);
    const up = await stack.up();
    assert.deepEqual(up.summary.resourceChanges, { same: 3 });
  });

  it("imports a running meeting by id with `pulumi import` (the plugin's read adopts it: attendees, tags)", async () => {
    const client = new ChimeSDKMeetings({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
    });
    const created = await client.createMeetingWithAttendees({
      ClientRequestToken: "migration-import-0001",
      MediaRegion: "us-east-1",
      ExternalMeetingId: "migrate-imported",
      Tags: [{ Key: "team", Value: "ops" }],
      Attendees: [{ ExternalUserId: "host-lee" }],
    });
    const id = created.Meeting!.MeetingId!;
    const result = await stack.import({
      resources: [{ type: PLUGIN_MEETING_TYPE, name: "imported", id }],
      protect: false,
      generateCode: false,
    });
    assert.equal(result.summary.result, "succeeded");
    const exported = await stack.exportStack();
    const imported = (exported.deployment.resources as { urn: string; id?: string; outputs: Record<string, unknown> }[]).find((r) =>
      r.urn.endsWith("::imported"),
    )!;
    assert.equal(imported.id, id);
    assert.equal(imported.outputs.externalMeetingId, "migrate-imported");
    assert.deepEqual(imported.outputs.tags, { team: "ops" });
    assert.equal(
      (imported.outputs.attendees as Record<string, unknown>)["4dabf18193072939515e22adb298388d"],
      "1b47061264138c4ac30d75fd1eb44270",
    );
  });

  it("destroys every meeting through the plugin", async () => {
    await stack.destroy();
    assert.deepEqual(await admin.listMeetings(), []);
  });
});
