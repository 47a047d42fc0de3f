// Secrets stay secret through the real CLI: no join token and no credential in the state directory
// (checkpoint, history, backups) or in the CLI's normal output; the serialized provider holds none;
// the emulator refuses unsigned and forged calls and listens on loopback unless told otherwise.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import {
  ChimeSDKMeetingsClient,
  CreateMeetingCommand,
  ListTagsForResourceCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from "@aws-sdk/client-chime-sdk-meetings";
import type { FinalizeRequestMiddleware } from "@smithy/types";
import type { Stack } from "@pulumi/pulumi/automation";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { parseCliArgs } from "../../emulator/cli";
import { newLocalStack } from "../support/pulumi";
import { fleetEnv, randomCredentials } from "./support/env";
import { fleet, newFleetProject, stateDirOf, STACK } from "./support/fleet";

const creds = randomCredentials();

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

/** Each (needle, file) pair where a secret appears verbatim. */
function leaks(needles: string[], texts: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [where, text] of texts) for (const n of needles) if (text.includes(n)) out.push(`${n.slice(0, 6)}… in ${where}`);
  return out;
}

function client(url: string, secretAccessKey: string): ChimeSDKMeetingsClient {
  return new ChimeSDKMeetingsClient({
    region: "us-east-1",
    endpoint: url,
    maxAttempts: 1,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey },
  });
}

function nonLoopbackAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => i !== undefined && !i.internal && i.family === "IPv4")
    .map((i) => i.address);
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 2000 });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
    s.once("timeout", () => {
      s.destroy();
      resolve(false);
    });
  });
}

describe("secrets and exposure with long random credentials (real CLI, emulator)", function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let workDir: string;
  let stack: Stack;
  let cliOutput = "";
  const onOutput = (s: string) => (cliOutput += s);

  before(async () => {
    emulator = await startEmulator({ port: 0, accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, lifecycle: false });
    admin = new EmulatorAdminClient(emulator.url);
    workDir = newFleetProject("security", fleet(3, 3, "sec"));
    stack = await newLocalStack({ workDir, stackName: STACK, env: fleetEnv(emulator.url, creds) });
    await stack.preview({ onOutput });
    await stack.up({ onOutput });
    await stack.refresh({ onOutput });
    await stack.up({ onOutput, refresh: true });
  });

  after(async () => {
    await emulator?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  async function joinTokens(): Promise<string[]> {
    const out = (await stack.outputs()).joinInfo;
    assert.equal(out.secret, true, "joinInfo is a secret output");
    const info = out.value as Record<string, { joinToken?: string }[]>;
    return Object.values(info).flatMap((list) => list.map((a) => a.joinToken ?? ""));
  }

  it("keeps every join token and both credentials out of every file of the state directory", async () => {
    const tokens = await joinTokens();
    assert.equal(tokens.length, 9);
    assert.ok(
      tokens.every((t) => t.length >= 16),
      "the stack outputs carry real join tokens",
    );
    const files = filesUnder(stateDirOf(workDir)).filter((f) => !f.includes(`${path.sep}.pulumi-home${path.sep}`));
    assert.ok(
      files.some((f) => f.endsWith(`${STACK}.json`)),
      "the checkpoint was scanned",
    );
    const texts = new Map(files.map((f) => [path.relative(workDir, f), fs.readFileSync(f, "utf8")]));
    assert.deepEqual(leaks([...tokens, creds.accessKeyId, creds.secretAccessKey], texts), []);
  });

  it("keeps every join token and both credentials out of the CLI output of preview, up and refresh", async () => {
    assert.ok(cliOutput.includes("m000"), "the output was captured");
    const tokens = await joinTokens();
    assert.deepEqual(leaks([...tokens, creds.accessKeyId, creds.secretAccessKey], new Map([["CLI output", cliOutput]])), []);
  });

  it("serializes a provider that holds no credential, endpoint or token", async () => {
    const deployment = (await stack.exportStack()).deployment as { resources: { type: string; outputs?: Record<string, unknown> }[] };
    const meetings = deployment.resources.filter((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting");
    assert.equal(meetings.length, 3);
    const tokens = await joinTokens();
    for (const m of meetings) {
      const provider = typeof m.outputs?.__provider === "string" ? m.outputs.__provider : "";
      assert.match(provider, /^exports\.handler = /, "the provider code is in the state");
      assert.match(provider, /\.configuredForState\(req\.config\)/, "the provider code installs the operations");
      assert.deepEqual(leaks([...tokens, creds.accessKeyId, creds.secretAccessKey, emulator.url], new Map([["__provider", provider]])), []);
    }
  });

  it("refuses an unsigned request with 403 and creates nothing", async () => {
    const before = (await admin.listMeetings()).length;
    const res = await fetch(`${emulator.url}/meetings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ClientRequestToken: "unsigned-0001", MediaRegion: "us-east-1", ExternalMeetingId: "unsigned" }),
    });
    assert.equal(res.status, 403);
    assert.equal((await admin.listMeetings()).length, before);
  });

  it("refuses a forged Authorization header that names the real access key", async () => {
    const date = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const res = await fetch(`${emulator.url}/meetings`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-amz-date": date,
        authorization:
          `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${date.slice(0, 8)}/us-east-1/chime/aws4_request, ` +
          `SignedHeaders=content-type;host;x-amz-date, Signature=${"0".repeat(64)}`,
      },
      body: JSON.stringify({ ClientRequestToken: "forged-00001", MediaRegion: "us-east-1", ExternalMeetingId: "forged" }),
    });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /signature/i);
  });

  it("refuses calls signed with the wrong secret, or whose body changed after signing", async () => {
    await assert.rejects(
      client(emulator.url, "not-" + creds.secretAccessKey).send(
        new ListTagsForResourceCommand({ ResourceARN: "arn:aws:chime:us-east-1:123456789012:meeting/x" }),
      ),
      (err: Error) => err.name === "InvalidSignatureException",
    );
    const tampering = client(emulator.url, creds.secretAccessKey);
    const tamper: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
      const request = args.request as { body?: string | Uint8Array };
      const text = typeof request.body === "string" ? request.body : Buffer.from(request.body ?? "").toString("utf8");
      assert.ok(text.includes("tamper-ok"), "the body being tampered with is the signed one");
      request.body = text.replace("tamper-ok", "tamper-xx");
      return next(args);
    };
    tampering.middlewareStack.addRelativeTo(tamper, {
      relation: "after",
      toMiddleware: "httpSigningMiddleware",
      name: "tamperAfterSigning",
    });
    await assert.rejects(
      tampering.send(
        new CreateMeetingCommand({ ClientRequestToken: "tamper-00001", MediaRegion: "us-east-1", ExternalMeetingId: "tamper-ok" }),
      ),
      (err: Error) => err.name === "InvalidSignatureException",
    );
    assert.ok((await admin.listMeetings()).every((m) => !m.externalMeetingId.startsWith("tamper")));
  });

  it("listens on 127.0.0.1 by default and is not reachable through the machine's other addresses", async () => {
    const url = new URL(emulator.url);
    assert.equal(url.hostname, "127.0.0.1");
    assert.equal(await connects("127.0.0.1", Number(url.port)), true);
    for (const address of nonLoopbackAddresses()) {
      assert.equal(await connects(address, Number(url.port)), false, `reachable on ${address}`);
    }
  });

  it("binds another interface only when the command line asks for it", () => {
    const defaults = parseCliArgs([], {});
    assert.ok(defaults !== "help" && defaults.host === undefined, "no host flag → startEmulator's 127.0.0.1 default");
    const asked = parseCliArgs(["--host", "::1"], {});
    assert.ok(asked !== "help" && asked.host === "::1");
  });
});
