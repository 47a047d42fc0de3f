import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

// Request ids only need to be unique: a random per-process prefix plus a counter, UUID-shaped, is cheaper
// than a fresh random UUID on every response.
const REQUEST_ID_PREFIX = randomUUID().slice(0, 24);
let requestCounter = 0;

export function nextRequestId(): string {
  requestCounter = (requestCounter + 1) % 0x1000000000000;
  return REQUEST_ID_PREFIX + requestCounter.toString(16).padStart(12, "0");
}

/** 200 with a JSON body (`{}` for unit outputs) or 204 with none. */
export function sendResult(res: ServerResponse, status: number, body: Record<string, unknown> | Buffer | void): void {
  if (status === 204) {
    res.writeHead(204, { "x-amzn-requestid": nextRequestId() });
    res.end();
    return;
  }
  const payload = body === undefined ? "{}" : Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    "x-amzn-requestid": nextRequestId(),
  });
  res.end(payload);
}
