import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { ChimeError } from "../errors";
import { violationsMessage } from "./wire";

/** 200 with a JSON body (`{}` for unit outputs) or 204 with none. */
export function sendResult(res: ServerResponse, status: number, body: Record<string, unknown> | string | void): void {
  if (status === 204) {
    res.writeHead(204, { "x-amzn-requestid": randomUUID() });
    res.end();
    return;
  }
  const payload = body === undefined ? "{}" : typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    "x-amzn-requestid": randomUUID(),
  });
  res.end(payload);
}

/**
 * AWS restJson1 error: `x-amzn-errortype` names the exception (the SDK reads it first), the body carries
 * the modeled members Code, Message, RequestId (+ ResourceName), and Retry-After travels as a header.
 */
export function sendError(res: ServerResponse, err: ChimeError): void {
  const requestId = randomUUID();
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
