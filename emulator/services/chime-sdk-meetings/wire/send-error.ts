import type { ServerResponse } from "node:http";
import { nextRequestId } from "../../../core/http/respond";
import type { ChimeError } from "../errors";
import { violationsMessage } from "./mapping";

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
