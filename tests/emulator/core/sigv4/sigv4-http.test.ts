import assert from "node:assert/strict";
import { request } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";
import { CreateMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { NodeSha256 } from "../../../support/node-sha256";
import { signedFetch, useEmulator } from "../../support";

/** Sends the headers and only the first `sent` bytes of a body declared `declared` bytes long; resolves with the answer. */
function partialUpload(
  url: string,
  headers: Record<string, string>,
  declared: number,
  sent: number,
): Promise<{ status: number; type?: string; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        method: "POST",
        path: "/meetings",
        headers: { ...headers, "content-length": String(declared) },
      },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => {
          text += d.toString();
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, type: res.headers["x-amzn-errortype"] as string | undefined, body: text });
          req.destroy();
        });
      },
    );
    req.on("error", (err) => (/ECONNRESET|EPIPE/.test(String(err)) ? undefined : reject(err)));
    req.write(Buffer.alloc(sent, 0x61));
  });
}

describe("emulator SigV4 over HTTP: checked before a large body is buffered, lower-case hex, no UNSIGNED-PAYLOAD", () => {
  const h = useEmulator();
  const BIG = 4_900_000;

  it("answers an unsigned 4.9 MB upload with 403 MissingAuthenticationTokenException before the body has been sent", async () => {
    const r = await partialUpload(h.emulator.url, { "content-type": "application/json" }, BIG, 1024);
    assert.equal(r.status, 403);
    assert.equal(r.type, "MissingAuthenticationTokenException");
  });

  it("answers a 4.9 MB upload signed with an unknown key with 403 before the body has been sent", async () => {
    const authorization =
      "AWS4-HMAC-SHA256 Credential=AKIDNOBODY/20261201/us-east-1/chime/aws4_request, SignedHeaders=host;x-amz-date, Signature=" +
      "0".repeat(64);
    const now = new Date()
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}Z$/, "Z");
    const r = await partialUpload(h.emulator.url, { authorization, "x-amz-date": now, "content-type": "application/json" }, BIG, 1024);
    assert.equal(r.status, 403);
    assert.equal(r.type, "UnrecognizedClientException");
  });

  it("still reads and accepts a properly signed large body (200 KB)", async () => {
    const body = JSON.stringify({
      MediaRegion: "us-east-1",
      ExternalMeetingId: "large",
      ClientRequestToken: "tok-large",
      Padding: "x".repeat(200_000),
    });
    const r = await signedFetch(h.emulator.url, "POST", "/meetings", body);
    assert.equal(r.status, 200);
  });

  it("refuses a declared body above 5 MiB before reading it", async () => {
    const r = await partialUpload(h.emulator.url, { "content-type": "application/json" }, 6 * 1024 * 1024, 1024);
    assert.equal(r.status, 400);
    assert.match(r.body, /The request body exceeds 5242880 bytes/);
  });

  it("refuses X-Amz-Content-SHA256: UNSIGNED-PAYLOAD with an arbitrary body, and creates nothing", async () => {
    const target = new URL(h.emulator.url);
    const body = JSON.stringify({ MediaRegion: "us-east-1", ExternalMeetingId: "unsigned", ClientRequestToken: "tok-unsigned" });
    const signer = new SignatureV4({
      service: "chime",
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      sha256: NodeSha256,
    });
    const signed = await signer.sign({
      method: "POST",
      protocol: "http:",
      hostname: target.hostname,
      port: Number(target.port),
      path: "/meetings",
      query: {},
      headers: { host: target.host, "content-type": "application/json", "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
      body,
    });
    const r = await fetch(new URL("/meetings", h.emulator.url), {
      method: "POST",
      headers: signed.headers,
      body: body.replace("unsigned", "tampered"),
    });
    assert.equal(r.status, 403);
    assert.equal(r.headers.get("x-amzn-errortype"), "InvalidSignatureException");
    assert.deepEqual(await h.admin.listMeetings(), []);
  });

  it("answers a retried create whose tags come in another order with the same meeting, not a 409", async () => {
    const input = { MediaRegion: "us-east-1", ExternalMeetingId: "tagged", ClientRequestToken: "tok-tags" };
    const a = await h.client().send(
      new CreateMeetingCommand({
        ...input,
        Tags: [
          { Key: "a", Value: "1" },
          { Key: "b", Value: "2" },
        ],
      }),
    );
    const b = await h.client().send(
      new CreateMeetingCommand({
        ...input,
        Tags: [
          { Key: "b", Value: "2" },
          { Key: "a", Value: "1" },
        ],
      }),
    );
    assert.equal(b.Meeting?.MeetingId, a.Meeting?.MeetingId);
    assert.equal((await h.admin.listMeetings()).length, 1);
  });
});
