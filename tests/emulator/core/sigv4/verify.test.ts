import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  ChimeSDKMeetingsClient,
  CreateMeetingCommand,
  CreateMeetingWithAttendeesCommand,
  DeleteMeetingCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  ListTagsForResourceCommand,
  StopMeetingTranscriptionCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "../../../support/node-sha256";
import type { HttpRequest } from "@smithy/types";
import { canonicalQuery, canonicalUri, verifySigV4, type SigV4Request } from "../../../../emulator/core/sigv4/verify";

const execFileAsync = promisify(execFile);
const CREDENTIALS: ReadonlyMap<string, string> = new Map([
  ["test", "test"],
  ["AKIDOTHER", "other-secret"],
]);
const SIGNED_AT = new Date("2026-11-25T20:00:00Z");

function signer(opts: { secret?: string; accessKeyId?: string; service?: string; applyChecksum?: boolean } = {}): SignatureV4 {
  return new SignatureV4({
    service: opts.service ?? "chime",
    region: "us-east-1",
    credentials: { accessKeyId: opts.accessKeyId ?? "test", secretAccessKey: opts.secret ?? "test" },
    sha256: NodeSha256,
    applyChecksum: opts.applyChecksum ?? false,
  });
}

function baseRequest(overrides: Partial<HttpRequest> = {}): HttpRequest {
  const body = JSON.stringify({ ExternalMeetingId: "standup-42", MediaRegion: "us-east-1", ClientRequestToken: "tok-1" });
  return {
    method: "POST",
    protocol: "http:",
    hostname: "127.0.0.1",
    port: 4566,
    path: "/meetings",
    query: { operation: "create-attendees" },
    headers: { host: "127.0.0.1:4566", "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
    body,
    ...overrides,
  };
}

/** What the server would see for a request the SDK signed: raw query built the way the SDK's HTTP handler does. */
function asReceived(signed: HttpRequest): SigV4Request {
  const rawQuery = Object.entries(signed.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => `${strictEncode(k)}=${strictEncode(String(one))}`))
    .join("&");
  return { method: signed.method, path: signed.path, rawQuery, headers: { ...signed.headers }, body: Buffer.from(signed.body ?? "") };
}

function strictEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

async function signed(overrides: Partial<HttpRequest> = {}, s = signer(), at = SIGNED_AT): Promise<SigV4Request> {
  return asReceived(await s.sign(baseRequest(overrides), { signingDate: at }));
}

function assertRejected(result: ReturnType<typeof verifySigV4>, code: string, messageStart: string): void {
  assert.equal(result.ok, false, "request should be rejected");
  if (result.ok) return;
  assert.equal(result.status, 403);
  assert.equal(result.code, code);
  assert.ok(
    result.message.startsWith(messageStart),
    `message ${JSON.stringify(result.message)} should start with ${JSON.stringify(messageStart)}`,
  );
}

const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";

describe("SigV4 verification with requests signed by the JS SDK signer", () => {
  it("accepts a request signed with a known key and returns the key id and region", async () => {
    assert.deepEqual(verifySigV4(await signed(), CREDENTIALS, SIGNED_AT), { ok: true, accessKeyId: "test", region: "us-east-1" });
  });

  it("accepts a request whose x-amz-content-sha256 header carries the body hash", async () => {
    const req = await signed({}, signer({ applyChecksum: true }));
    assert.match(String(req.headers["x-amz-content-sha256"]), /^[0-9a-f]{64}$/);
    assert.equal(verifySigV4(req, CREDENTIALS, SIGNED_AT).ok, true);
  });

  it("refuses UNSIGNED-PAYLOAD, which would let any body travel under one signature", async () => {
    const req = await signed({ headers: { ...baseRequest().headers, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } });
    assertRejected(
      verifySigV4({ ...req, body: Buffer.from("anything else") }, CREDENTIALS, SIGNED_AT),
      "InvalidSignatureException",
      "The 'x-amz-content-sha256' value UNSIGNED-PAYLOAD is not accepted by this service: sign the payload.",
    );
  });

  it("refuses a signature written in upper-case hex", async () => {
    const req = await signed();
    const authorization = String(req.headers.authorization).replace(
      /Signature=([0-9a-f]+)$/,
      (_m, sig: string) => `Signature=${sig.toUpperCase()}`,
    );
    assertRejected(
      verifySigV4({ ...req, headers: { ...req.headers, authorization } }, CREDENTIALS, SIGNED_AT),
      "InvalidSignatureException",
      SIGNATURE_MISMATCH,
    );
  });

  it("accepts requests up to 15 minutes before and after the server clock", async () => {
    const req = await signed();
    assert.equal(verifySigV4(req, CREDENTIALS, new Date(SIGNED_AT.getTime() + 15 * 60_000)).ok, true);
    assert.equal(verifySigV4(req, CREDENTIALS, new Date(SIGNED_AT.getTime() - 15 * 60_000)).ok, true);
  });

  it("accepts header names in any case, as callers other than node:http may pass them", async () => {
    const req = await signed();
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toUpperCase(), v]));
    assert.equal(verifySigV4({ ...req, headers }, CREDENTIALS, SIGNED_AT).ok, true);
  });

  it("accepts a path whose label needed encoding, signed with double encoding", async () => {
    const req = await signed({ method: "GET", path: "/meetings/a%20b%2Fc%C3%A9", query: {}, body: undefined });
    assert.equal(verifySigV4(req, CREDENTIALS, SIGNED_AT).ok, true);
  });

  it("accepts query values with reserved and non-ASCII characters", async () => {
    const query = { "max-results": "5", "next-token": "tok/=+ &é~*" };
    const req = await signed({ method: "GET", path: "/meetings/m/attendees", query, body: undefined });
    assert.equal(verifySigV4(req, CREDENTIALS, SIGNED_AT).ok, true);
  });

  it("accepts a presigned-query request and rejects it after X-Amz-Expires", async () => {
    const presigned = await signer().presign(
      baseRequest({ method: "GET", path: "/tags", query: { arn: "arn:aws:chime:us-east-1:123456789012:meeting/x" }, body: undefined }),
      { signingDate: SIGNED_AT, expiresIn: 300 },
    );
    const req = asReceived(presigned);
    assert.equal(verifySigV4(req, CREDENTIALS, new Date(SIGNED_AT.getTime() + 299_000)).ok, true);
    assertRejected(verifySigV4(req, CREDENTIALS, new Date(SIGNED_AT.getTime() + 301_000)), "ForbiddenException", "Request has expired");
    const tampered = { ...req, rawQuery: req.rawQuery.replace("meeting%2Fx", "meeting%2Fy") };
    assertRejected(verifySigV4(tampered, CREDENTIALS, SIGNED_AT), "InvalidSignatureException", SIGNATURE_MISMATCH);
  });
});

describe("SigV4 verification rejects tampered or unauthenticated requests", () => {
  it("rejects a request without any authentication as MissingAuthenticationTokenException", async () => {
    const { authorization: _dropped, ...headers } = (await signed()).headers;
    const result = verifySigV4({ ...(await signed()), headers }, CREDENTIALS, SIGNED_AT);
    assert.deepEqual(result, {
      ok: false,
      status: 403,
      code: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    });
  });

  it("rejects an unknown access key as UnrecognizedClientException", async () => {
    const result = verifySigV4(await signed({}, signer({ accessKeyId: "AKIDUNKNOWN" })), CREDENTIALS, SIGNED_AT);
    assert.deepEqual(result, {
      ok: false,
      status: 403,
      code: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    });
  });

  const tampers: [string, (r: SigV4Request) => SigV4Request][] = [
    ["the body", (r) => ({ ...r, body: Buffer.from(r.body.toString().replace("standup-42", "standup-43")) })],
    ["a signed header", (r) => ({ ...r, headers: { ...r.headers, "content-type": "text/plain" } })],
    ["the path", (r) => ({ ...r, path: "/meetings/x" })],
    ["the query", (r) => ({ ...r, rawQuery: "operation=batch-create" })],
    ["the x-amz-date within the allowed skew", (r) => ({ ...r, headers: { ...r.headers, "x-amz-date": "20261125T200001Z" } })],
    ["the method", (r) => ({ ...r, method: "PUT" })],
  ];
  for (const [what, tamper] of tampers) {
    it(`rejects a request as InvalidSignatureException when ${what} changed after signing`, async () => {
      assertRejected(verifySigV4(tamper(await signed()), CREDENTIALS, SIGNED_AT), "InvalidSignatureException", SIGNATURE_MISMATCH);
    });
  }

  it("rejects a signature made with the wrong secret and shows the expected canonical request", async () => {
    const result = verifySigV4(await signed({}, signer({ secret: "not-the-secret" })), CREDENTIALS, SIGNED_AT);
    assertRejected(result, "InvalidSignatureException", SIGNATURE_MISMATCH);
    assert.ok(!result.ok && result.message.includes("'POST\n/meetings\noperation=create-attendees\n"));
    assert.ok(!result.ok && !result.message.includes("not-the-secret"));
  });

  it("rejects a request signed more than 15 minutes ago with the AWS 'Signature expired' message", async () => {
    const result = verifySigV4(await signed(), CREDENTIALS, new Date(SIGNED_AT.getTime() + 16 * 60_000));
    assert.deepEqual(result, {
      ok: false,
      status: 403,
      code: "InvalidSignatureException",
      message: "Signature expired: 20261125T200000Z is now earlier than 20261125T200100Z (20261125T201600Z - 15 min.)",
    });
  });

  it("rejects a request signed more than 15 minutes in the future", async () => {
    const result = verifySigV4(await signed(), CREDENTIALS, new Date(SIGNED_AT.getTime() - 16 * 60_000));
    assert.deepEqual(result, {
      ok: false,
      status: 403,
      code: "InvalidSignatureException",
      message: "Signature not yet current: 20261125T200000Z is still later than 20261125T195900Z (20261125T194400Z + 15 min.)",
    });
  });

  it("rejects a credential scoped to another service", async () => {
    const result = verifySigV4(await signed({}, signer({ service: "execute-api" })), CREDENTIALS, SIGNED_AT);
    assertRejected(result, "InvalidSignatureException", "Credential should be scoped to correct service: 'chime'.");
  });

  it("verifies against another signing name when the caller asks for it, and only that one", async () => {
    const ssm = await signed({}, signer({ service: "ssm" }));
    assert.deepEqual(verifySigV4(ssm, CREDENTIALS, SIGNED_AT, "ssm"), { ok: true, accessKeyId: "test", region: "us-east-1" });
    assertRejected(
      verifySigV4(await signed(), CREDENTIALS, SIGNED_AT, "ssm"),
      "InvalidSignatureException",
      "Credential should be scoped to correct service: 'ssm'.",
    );
  });

  it("rejects a declared body hash that does not match the body", async () => {
    const req = await signed({}, signer({ applyChecksum: true }));
    assertRejected(
      verifySigV4({ ...req, body: Buffer.from("{}") }, CREDENTIALS, SIGNED_AT),
      "InvalidSignatureException",
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  });

  it("rejects an Authorization header without Signature as ForbiddenException naming the missing parameter", async () => {
    const req = await signed();
    const authorization = String(req.headers.authorization).replace(/, Signature=[0-9a-f]+/, "");
    assertRejected(
      verifySigV4({ ...req, headers: { ...req.headers, authorization } }, CREDENTIALS, SIGNED_AT),
      "ForbiddenException",
      "Authorization header requires 'Signature' parameter.",
    );
  });

  it("rejects a request that has neither X-Amz-Date nor Date", async () => {
    const { "x-amz-date": _dropped, ...headers } = (await signed()).headers;
    assertRejected(
      verifySigV4({ ...(await signed()), headers }, CREDENTIALS, SIGNED_AT),
      "ForbiddenException",
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  });

  it("verifies 2,000 signed requests in well under a second thanks to the signing-key cache", async () => {
    const req = await signed();
    const started = process.hrtime.bigint();
    for (let i = 0; i < 2000; i += 1) assert.equal(verifySigV4(req, CREDENTIALS, SIGNED_AT).ok, true);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 1);
  });
});

describe("SigV4 canonical forms", () => {
  it("re-encodes the wire path once and drops dot and empty segments", () => {
    assert.equal(canonicalUri("/meetings/a%20b%2Fc"), "/meetings/a%2520b%252Fc");
    assert.equal(canonicalUri("/base//path/./x/../meetings/"), "/base/path/meetings/");
    assert.equal(canonicalUri(""), "/");
  });

  it("sorts the query by encoded key then value and encodes reserved characters", () => {
    assert.equal(
      canonicalQuery([
        ["b", "2"],
        ["a", "x y"],
        ["a", "*"],
        ["c", ""],
      ]),
      "a=%2A&a=x%20y&b=2&c=",
    );
  });
});

type ProbeResult = { operation: string; ok: boolean; code: string | null };

/** A loopback server that only verifies signatures: 200 "{}" when valid, the AWS 403 error otherwise. */
async function startVerifyingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const result = verifySigV4(
        {
          method: req.method ?? "GET",
          path: q < 0 ? url : url.slice(0, q),
          rawQuery: q < 0 ? "" : url.slice(q + 1),
          headers: req.headers,
          body: Buffer.concat(chunks),
        },
        CREDENTIALS,
        new Date(),
      );
      const [status, headers, body] = result.ok
        ? [200, {}, "{}"]
        : [result.status, { "x-amzn-errortype": result.code }, JSON.stringify({ __type: result.code, message: result.message })];
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function driveJsClient(endpoint: string, accessKeyId: string, secretAccessKey: string): Promise<ProbeResult[]> {
  const client = new ChimeSDKMeetingsClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });
  const meetingId = "a b/c\u00e9";
  const commands: [string, () => Promise<unknown>][] = [
    ["GetMeeting", () => client.send(new GetMeetingCommand({ MeetingId: meetingId }))],
    ["ListAttendees", () => client.send(new ListAttendeesCommand({ MeetingId: meetingId, NextToken: "tok/=+ &\u00e9~*", MaxResults: 5 }))],
    [
      "ListTagsForResource",
      () => client.send(new ListTagsForResourceCommand({ ResourceARN: "arn:aws:chime:us-east-1:123456789012:meeting/x y" })),
    ],
    ["CreateMeeting", () => client.send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "caf\u00e9 standup" }))],
    [
      "CreateMeetingWithAttendees",
      () =>
        client.send(
          new CreateMeetingWithAttendeesCommand({
            MediaRegion: "us-east-1",
            ExternalMeetingId: "m-1",
            Attendees: [{ ExternalUserId: "u-1" }],
          }),
        ),
    ],
    ["StopMeetingTranscription", () => client.send(new StopMeetingTranscriptionCommand({ MeetingId: meetingId }))],
    ["DeleteMeeting", () => client.send(new DeleteMeetingCommand({ MeetingId: meetingId }))],
  ];
  const results: ProbeResult[] = [];
  for (const [operation, call] of commands) {
    try {
      await call();
      results.push({ operation, ok: true, code: null });
    } catch (err) {
      results.push({ operation, ok: false, code: (err as Error).name });
    }
  }
  client.destroy();
  return results;
}

async function runBotocoreProbe(endpoint: string, accessKeyId: string, secret: string): Promise<ProbeResult[]> {
  const script = join(__dirname, "..", "..", "boto3", "signing_probe.py");
  const { stdout } = await execFileAsync("python3", [script, endpoint, accessKeyId, secret], { timeout: 60_000 });
  return JSON.parse(stdout) as ProbeResult[];
}

describe("SigV4 verification against real clients over HTTP", () => {
  let server: { url: string; close(): Promise<void> };
  before(async () => {
    server = await startVerifyingServer();
  });
  after(async () => server.close());

  it("accepts every request the JS SDK v3 client sends, including encoded labels, queries and a base path", async () => {
    const results = await driveJsClient(`${server.url}/base/path`, "test", "test");
    assert.equal(results.length, 7);
    assert.deepEqual(
      results.filter((r) => !r.ok),
      [],
    );
  });

  it("rejects every request the JS SDK v3 client signs with the wrong secret", async () => {
    const results = await driveJsClient(server.url, "test", "wrong");
    assert.deepEqual([...new Set(results.map((r) => r.code))], ["InvalidSignatureException"]);
  });

  it("accepts every request boto3 sends, including encoded labels and queries", async () => {
    const results = await runBotocoreProbe(server.url, "test", "test");
    assert.equal(results.length, 8);
    assert.deepEqual(
      results.filter((r) => !r.ok),
      [],
    );
  });

  it("rejects requests boto3 signs with the wrong secret or an unknown key", async () => {
    assert.deepEqual([...new Set((await runBotocoreProbe(server.url, "test", "wrong")).map((r) => r.code))], ["InvalidSignatureException"]);
    assert.deepEqual([...new Set((await runBotocoreProbe(server.url, "nobody", "x")).map((r) => r.code))], ["UnrecognizedClientException"]);
  });

  it("accepts headers produced directly by botocore.auth.SigV4Auth for an encoded path and query", async () => {
    const script = [
      "import json",
      "from botocore.auth import SigV4Auth",
      "from botocore.awsrequest import AWSRequest",
      "from botocore.credentials import Credentials",
      "r = AWSRequest(method='POST', url='http://127.0.0.1:4566/meetings/a%20b%2Fc/attendees?operation=batch-create&z=%2A', data=b'{\"Attendees\":[]}', headers={'Content-Type': 'application/json'})",
      "SigV4Auth(Credentials('test', 'test'), 'chime', 'eu-central-1').add_auth(r)",
      "print(json.dumps(dict(r.headers.items())))",
    ].join("\n");
    const { stdout } = await execFileAsync("python3", ["-c", script]);
    const headers = { ...(JSON.parse(stdout) as Record<string, string>), host: "127.0.0.1:4566" };
    const req: SigV4Request = {
      method: "POST",
      path: "/meetings/a%20b%2Fc/attendees",
      rawQuery: "operation=batch-create&z=%2A",
      headers,
      body: Buffer.from('{"Attendees":[]}'),
    };
    const now = new Date();
    assert.deepEqual(verifySigV4(req, CREDENTIALS, now), { ok: true, accessKeyId: "test", region: "eu-central-1" });
    assertRejected(
      verifySigV4({ ...req, rawQuery: "operation=batch-create&z=%2B" }, CREDENTIALS, now),
      "InvalidSignatureException",
      SIGNATURE_MISMATCH,
    );
  });
});
