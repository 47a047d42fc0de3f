import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { ChimeError } from "../errors";
import { violationsMessage } from "./wire";

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

/**
 * AWS restJson1 error: `x-amzn-errortype` names the exception (the SDK reads it first), the body carries
 * the modeled members Code, Message, RequestId (+ ResourceName), and Retry-After travels as a header.
 */
export function sendError(res: ServerResponse, err: ChimeError): void {
  const requestId = nextRequestId();
  const message = err.violations.length > 0 ? violationsMessage(err.violations) : err.message;
  const payload = JSON.stringify({ Code: err.code, Message: message, RequestId: requestId, ...err.members });
  res.writeHead(err.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    "x-amzn-errortype": err.name,
    "x-amzn-requestid": requestId,
    ...err.headers,
  });
  res.end(payload);
}
