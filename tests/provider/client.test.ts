// How the provider process reaches the API: one kept-alive client per region and settings, the SDK's own
// configuration (AWS_MAX_ATTEMPTS, profiles) honoured, and the @pulumi/aws assume-role settings. Real HTTP
// through the real SDK against the emulator (and a loopback STS stand-in for AssumeRole).
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { GetMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { clientFor } from "../../components/meeting/client";
import { settingsFromConfig } from "../../components/meeting/settings";
import { EmulatorAdminClient, startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { baseInputs, configuredProvider } from "./helpers";

const ENV_KEYS = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_MAX_ATTEMPTS",
  "AWS_RETRY_MODE",
  "AWS_PROFILE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_ENDPOINT_URL_STS",
  "AWS_EC2_METADATA_DISABLED",
] as const;

/** A TCP relay in front of the emulator that counts the connections clients open. */
async function countingRelay(target: string): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const { hostname, port } = new URL(target);
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections += 1;
    const upstream = net.connect(Number(port), hostname);
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on("error", () => s.destroy());
      s.on("close", () => sockets.delete(s));
    }
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

interface StsStandIn {
  url: string;
  requests: URLSearchParams[];
  close(): Promise<void>;
}

/** Answers STS AssumeRole (query protocol) with fixed temporary credentials. */
async function stsStandIn(credentials: { accessKeyId: string; secretAccessKey: string }): Promise<StsStandIn> {
  const requests: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>
<AccessKeyId>${credentials.accessKeyId}</AccessKeyId><SecretAccessKey>${credentials.secretAccessKey}</SecretAccessKey>
<SessionToken>session-token</SessionToken><Expiration>${new Date(Date.now() + 3_600_000).toISOString()}</Expiration></Credentials>
<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/meetings/s</Arn><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId></AssumedRoleUser>
</AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("Meeting provider client: one per process, configured like the rest of AWS", function () {
  this.timeout(60_000);
  const saved: Record<string, string | undefined> = {};
  const closers: (() => Promise<void>)[] = [];

  beforeEach(() => {
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_EC2_METADATA_DISABLED: "true" });
    for (const k of ["AWS_SESSION_TOKEN", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_PROFILE"] as const) delete process.env[k];
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    for (const k of ENV_KEYS)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
  });

  async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const running = await startEmulator({ port: 0, lifecycle: false, ...options });
    closers.push(() => running.close());
    return running;
  }

  it("hands out the same client for the same region and settings, and another for another region", () => {
    const settings = settingsFromConfig({
      get: (k) => (({ "chime-meetings:endpoint": "http://127.0.0.1:9" }) as Record<string, string>)[k],
    });
    assert.equal(
      clientFor(settings, "us-east-1"),
      clientFor(
        settingsFromConfig({ get: (k) => (({ "chime-meetings:endpoint": "http://127.0.0.1:9" }) as Record<string, string>)[k] }),
        "us-east-1",
      ),
    );
    assert.notEqual(clientFor(settings, "us-east-1"), clientFor(settings, "us-west-2"));
  });

  it("sends a create, two reads and a delete of a meeting over one kept-alive connection", async () => {
    const running = await emulator();
    const relay = await countingRelay(running.url);
    closers.push(() => relay.close());
    const provider = await configuredProvider({ "chime-meetings:region": "us-east-1", "chime-meetings:endpoint": relay.url });
    const created = await provider.create(
      baseInputs({ region: "us-east-1", clientRequestToken: "pulumi-keepalive-1", attendees: [{ externalUserId: "alex-1" }] }),
    );
    await provider.read(created.id, created.outs);
    await provider.read(created.id, created.outs);
    await provider.delete(created.id, created.outs!);
    // Without keep-alive these 6 calls (a read of one attendee: ListAttendees, then the tags) would open 6 connections.
    assert.equal(relay.connections(), 1, "the reads and DeleteMeeting reused the create's connection");
  });

  it("honours AWS_MAX_ATTEMPTS when stack config sets no attempts, and chime-meetings:maxAttempts over it", async () => {
    const running = await emulator();
    const admin = new EmulatorAdminClient(running.url);
    const getAttempts = async (config: Record<string, string>) => {
      await admin.clearRequests();
      await admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "serviceFailure", count: 10 }] });
      const settings = settingsFromConfig({
        get: (k) => (({ "chime-meetings:endpoint": running.url, ...config }) as Record<string, string>)[k],
      });
      await assert.rejects(
        clientFor(settings, "us-east-1").send(new GetMeetingCommand({ MeetingId: "11111111-2222-3333-4444-555555555555" })),
        { name: "ServiceFailureException" },
      );
      await admin.clearFaults();
      return (await admin.requests()).filter((r) => r.operation === "GetMeeting").length;
    };
    process.env.AWS_MAX_ATTEMPTS = "2";
    assert.equal(await getAttempts({}), 2);
    assert.equal(await getAttempts({ "chime-meetings:maxAttempts": "4" }), 4);
  });

  it("leaves the retry mode to AWS_RETRY_MODE (standard when unset)", async () => {
    const mode = async () => {
      const settings = settingsFromConfig({ get: (k) => (k === "chime-meetings:endpoint" ? "http://127.0.0.1:9" : undefined) });
      const strategy = (await clientFor(settings, "eu-central-1").config.retryStrategy()) as { mode?: string };
      return strategy.mode;
    };
    assert.equal(await mode(), "standard");
    process.env.AWS_RETRY_MODE = "adaptive";
    assert.equal(await mode(), "adaptive");
  });

  it("signs with the credentials of the profile named by aws:profile", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chime-profile-"));
    closers.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(
      path.join(dir, "credentials"),
      "[meetings-admin]\naws_access_key_id = AKIAPROFILEEXAMPLE\naws_secret_access_key = profile-secret\n",
    );
    fs.writeFileSync(path.join(dir, "config"), "[profile meetings-admin]\nregion = us-east-1\n");
    Object.assign(process.env, { AWS_SHARED_CREDENTIALS_FILE: path.join(dir, "credentials"), AWS_CONFIG_FILE: path.join(dir, "config") });
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    const running = await emulator({ accessKeyId: "AKIAPROFILEEXAMPLE", secretAccessKey: "profile-secret" });
    const provider = await configuredProvider({ "aws:profile": "meetings-admin", "chime-meetings:endpoint": running.url });
    const created = await provider.create(baseInputs({ region: "us-east-1", clientRequestToken: "pulumi-profile-1" }));
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    await provider.delete(created.id, created.outs!);
  });

  it("assumes the roles of aws:assumeRoles with the default chain's credentials and signs with the role's", async () => {
    const assumed = { accessKeyId: "ASIAASSUMEDEXAMPLE", secretAccessKey: "assumed-secret" };
    const sts = await stsStandIn(assumed);
    closers.push(() => sts.close());
    process.env.AWS_ENDPOINT_URL_STS = sts.url;
    const running = await emulator(assumed);
    const roles = [
      { roleArn: "arn:aws:iam::123456789012:role/meetings", sessionName: "pulumi-meetings", externalId: "ext-42", duration: "1h" },
    ];
    const provider = await configuredProvider({
      "chime-meetings:region": "us-east-1",
      "chime-meetings:endpoint": running.url,
      "aws:assumeRoles": JSON.stringify(roles),
    });
    const created = await provider.create(baseInputs({ region: "us-east-1", clientRequestToken: "pulumi-assume-1" }));
    await provider.delete(created.id, created.outs!);
    assert.equal(sts.requests.length, 1, "the temporary credentials are cached across calls");
    const request = sts.requests[0];
    assert.deepEqual(
      ["Action", "RoleArn", "RoleSessionName", "ExternalId", "DurationSeconds"].map((k) => request.get(k)),
      ["AssumeRole", "arn:aws:iam::123456789012:role/meetings", "pulumi-meetings", "ext-42", "3600"],
    );
  });

  it("rejects an assume-role setting without a valid role ARN, naming the key and the rule", () => {
    assert.throws(
      () => settingsFromConfig({ get: (k) => (k === "aws:assumeRole" ? JSON.stringify({ roleArn: "meetings" }) : undefined) }),
      /^Error: aws:assumeRole\.roleArn: value "meetings" must be an IAM role ARN \(arn:<partition>:iam::<account>:role\/<name>\)$/,
    );
    assert.throws(
      () =>
        settingsFromConfig({
          get: (k) =>
            k === "aws:assumeRoles" ? JSON.stringify([{ roleArn: "arn:aws:iam::123456789012:role/r", duration: "5m" }]) : undefined,
        }),
      /^Error: aws:assumeRoles\[0\]\.duration: value "5m" must be from 15 minutes to 12 hours$/,
    );
  });
});
