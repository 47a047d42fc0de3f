import type { IncomingMessage, ServerResponse } from "node:http";
import { verifySigV4BeforeBody } from "../../../core/sigv4/verify";
import { AuthenticationError, BadRequestException, type ChimeError } from "../errors";
import type { AwsApp } from "./pipeline";
import { matchRoute } from "./routes";
import { sendError } from "./send-error";

/** Bodies up to this size are read before any check (the common case: small JSON); larger ones are checked first. */
const EARLY_AUTH_BYTES = 64 * 1024;

/**
 * For a large (or chunked) body on an AWS route: refuses it before a byte of it is buffered when the size is
 * over `maxBodyBytes` or the signature can already be seen to fail, so unsigned uploads cost no memory.
 * Returns true when the request has been answered.
 */
export function refusedBeforeBody(
  app: AwsApp,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
  rawQuery: string,
  maxBodyBytes: number,
): boolean {
  const declared = req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]);
  if (declared !== undefined && declared <= EARLY_AUTH_BYTES) return false;
  let error: ChimeError | undefined;
  if (declared !== undefined && declared > maxBodyBytes) error = new BadRequestException(`The request body exceeds ${maxBodyBytes} bytes`);
  else {
    const method = req.method ?? "GET";
    const failure = verifySigV4BeforeBody({ method, path: rawPath, rawQuery, headers: req.headers }, app.credentials, new Date());
    if (failure) error = new AuthenticationError(failure.code, failure.message);
  }
  if (!error) return false;
  const method = req.method ?? "GET";
  const operation = matchRoute(method, rawPath, new URLSearchParams(rawQuery).get("operation") ?? undefined)?.operation ?? "Unknown";
  // The unread body is discarded as it arrives; closing after the answer stops the client from sending the rest.
  res.setHeader("connection", "close");
  sendError(res, error);
  app.log.add(operation, method, rawPath, error.status);
  req.resume();
  return true;
}
