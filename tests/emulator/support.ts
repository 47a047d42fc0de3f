import assert from "node:assert/strict";
import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "../support/node-sha256";
import { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { EmulatorAdminClient, startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Harness {
  emulator: RunningEmulator;
  admin: EmulatorAdminClient;
  /** A real SDK client pointed at the emulator (no retries, so faults and errors surface at once). */
  client(region?: string): ChimeSDKMeetingsClient;
}

/** Starts one emulator for a describe block and resets it before each test. */
export function useEmulator(opts: EmulatorOptions = {}): Harness {
  const h = {} as Harness;
  const clients: ChimeSDKMeetingsClient[] = [];
  before(async () => {
    h.emulator = await startEmulator({ port: 0, ...opts });
    h.admin = new EmulatorAdminClient(h.emulator.url);
    h.client = (region = "us-east-1") => {
      const c = new ChimeSDKMeetingsClient({
        endpoint: h.emulator.url,
        region,
        maxAttempts: 1,
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
      });
      clients.push(c);
      return c;
    };
  });
  beforeEach(async () => h.admin.reset());
  after(async () => {
    for (const c of clients) c.destroy();
    await h.emulator.close();
  });
  return h;
}

/** Asserts that `p` rejects with an SDK exception of this name, HTTP status and message. */
export async function rejectsWith(p: Promise<unknown>, name: string, status: number, message: string | RegExp): Promise<void> {
  await assert.rejects(p, (err: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
    assert.equal(err.$metadata?.httpStatusCode, status);
    if (typeof message === "string") assert.equal(err.message, message);
    else assert.match(err.message, message);
    return true;
  });
}

/** Sends a raw request signed with the real SDK signer (for bodies and routes the SDK would never produce). */
export async function signedFetch(url: string, method: string, pathAndQuery: string, body = "", region = "us-east-1"): Promise<Response> {
  const target = new URL(pathAndQuery, url);
  const headers: Record<string, string> = { host: target.host };
  if (body !== "") headers["content-type"] = "application/json";
  const signer = new SignatureV4({
    service: "chime",
    region,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method,
    protocol: "http:",
    hostname: target.hostname,
    port: Number(target.port),
    path: target.pathname,
    query: Object.fromEntries(target.searchParams),
    headers,
    body: body === "" ? undefined : body,
  });
  return fetch(target, { method, headers: signed.headers, body: body === "" ? undefined : body });
}
