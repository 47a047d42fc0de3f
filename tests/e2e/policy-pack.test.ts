// The policy pack through the real CLI: `pulumi preview --policy-pack policies --policy-pack-config <file>` on a
// throwaway stack (file backend, offline) holding one Meeting, once with a good and once with a bad config.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { newLocalStack, newWorkDir, offlineEnv, pulumiCommand, repoRoot, writeProject } from "../support/pulumi";

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "${path.join(repoRoot, "components", "meeting").replace(/\\/g, "/")}";

const meeting = new pulumi.Config().requireObject<Record<string, unknown>>("meeting");
new Meeting("standup", meeting as never);
`;

describe("policy pack through the real Pulumi CLI (preview, offline)", function () {
  this.timeout(600_000);
  let workDir: string;
  let stack: Stack;
  let configFile: string;

  before(async () => {
    workDir = newWorkDir("policy-pack");
    writeProject(workDir, "policy-e2e", PROGRAM);
    configFile = path.join(workDir, "policy-config.json");
    fs.writeFileSync(
      configFile,
      JSON.stringify({ "chime-meeting-limit-media-regions": { allowedRegions: ["eu-central-1", "eu-west-1"] } }),
    );
    stack = await newLocalStack({ workDir, stackName: "policy" });
  });

  after(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  async function preview(mediaRegion: string): Promise<{ ok: boolean; output: string }> {
    const meeting = {
      externalMeetingId: "policy-e2e-standup",
      mediaRegion,
      region: "us-east-1",
      attendees: [{ externalUserId: "host-sam" }],
    };
    await stack.setConfig("meeting", { value: JSON.stringify(meeting) });
    let output = "";
    try {
      await stack.preview({
        policyPacks: [path.join(repoRoot, "policies")],
        policyPackConfigs: [configFile],
        onOutput: (s) => {
          output += s;
        },
      });
      return { ok: true, output };
    } catch (error) {
      return { ok: false, output: `${output}\n${String(error)}` };
    }
  }

  it("passes a meeting in an allowed media region, with the pack loaded", async () => {
    const result = await preview("eu-central-1");
    assert.ok(result.ok, result.output);
    assert.match(result.output, /chime-meetings@v0\.1\.0/);
    assert.doesNotMatch(result.output, /\[mandatory\]/);
  });

  it("fails a meeting outside the allowed media regions with the mandatory rule's message", async () => {
    const result = await preview("us-east-1");
    assert.equal(result.ok, false, result.output);
    assert.match(result.output, /\[mandatory\].*chime-meeting-limit-media-regions/);
    assert.match(result.output, /mediaRegion is "us-east-1" but the allowed media regions are \["eu-central-1","eu-west-1"\]/);
  });

  it("passes the shipped local stack under policies/config/dev.json (the PR workflow's preview)", async () => {
    const stateDir = newWorkDir("policy-pack-local-state");
    try {
      // The repository's own project and Pulumi.local.yaml; only the state lives elsewhere.
      const ws = await LocalWorkspace.create({
        workDir: repoRoot,
        pulumiCommand: await pulumiCommand(),
        secretsProvider: "passphrase",
        envVars: offlineEnv(stateDir, { PULUMI_CONFIG_PASSPHRASE: "chime-meetings-local" }),
      });
      const local = await Stack.createOrSelect("local", ws);
      let output = "";
      await local.preview({
        policyPacks: [path.join(repoRoot, "policies")],
        policyPackConfigs: [path.join(repoRoot, "policies", "config", "dev.json")],
        onOutput: (s) => {
          output += s;
        },
      });
      assert.match(output, /chime-meetings@v0\.1\.0/);
      assert.doesNotMatch(output, /\[mandatory\]/);
    } finally {
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
