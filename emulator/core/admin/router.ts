import type { ServerResponse } from "node:http";
import { echoValue } from "../../../chime/violation";
import { FaultConfigError } from "../faults";
import { adminRefusal, MAX_ADMIN_BODY_BYTES } from "./guard";
import type { Exchange } from "../http/exchange";

/** Everything under this prefix is the admin surface: unsigned, loopback only, never an AWS route. */
export const ADMIN_PREFIX = "/_emulator/";

type Json = Record<string, unknown> | unknown[];

export interface AdminRequest {
  /** The pattern's capture groups, percent-decoded. */
  params: string[];
  /** The parsed JSON body; undefined when empty. */
  body: unknown;
  query: URLSearchParams;
}

/** One admin route: method, pattern over the path after the prefix, handler (undefined result: 204). */
export type AdminRoute = readonly [method: string, pattern: RegExp, handler: (r: AdminRequest) => Json | void];

/** A refusal with its HTTP status. */
class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The status of a failed admin call: bad input is 400, errors that carry a status (the services' shapes) keep it. */
function statusOf(err: unknown): number {
  if (err instanceof FaultConfigError || err instanceof RangeError) return 400;
  if (err instanceof Error && "status" in err && typeof err.status === "number") return err.status;
  return 500;
}

/** Handles one admin request against `routes`; answers JSON (`{ error }` on failure). */
export function handleAdminRequest(routes: readonly AdminRoute[], { req, res, body, rawPath, rawQuery }: Exchange): void {
  try {
    const refusal = adminRefusal(req, req.socket.localPort);
    if (refusal) throw new AdminError(403, refusal);
    if (body.length > MAX_ADMIN_BODY_BYTES) throw new AdminError(413, `the admin request body exceeds ${MAX_ADMIN_BODY_BYTES} bytes`);
    const rest = rawPath.slice(ADMIN_PREFIX.length);
    // A malformed escape anywhere in the path is bad input, whether or not a route matches it.
    for (const segment of rest.split("/")) decodePathParam(segment);
    const method = req.method ?? "GET";
    for (const [routeMethod, pattern, handler] of routes) {
      const match = routeMethod === method ? pattern.exec(rest) : null;
      if (!match) continue;
      const result = handler({ params: match.slice(1).map(decodePathParam), body: parseJson(body), query: new URLSearchParams(rawQuery) });
      send(res, result === undefined ? 204 : 200, result);
      return;
    }
    throw new AdminError(404, `no admin route ${method} ${echoValue(rawPath)}`);
  } catch (err) {
    send(res, statusOf(err), { error: err instanceof Error ? err.message : String(err) });
  }
}

function decodePathParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AdminError(400, `path segment ${echoValue(raw)} is not valid percent-encoding`);
  }
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new AdminError(400, "the request body is not valid JSON");
  }
}

function send(res: ServerResponse, status: number, body: Json | void): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}
