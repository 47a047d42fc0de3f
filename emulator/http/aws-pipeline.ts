import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import {
  AuthenticationError, BadRequestException, ChimeError, ServiceFailureException, ServiceUnavailableException, ThrottlingException,
  UnknownOperationException,
} from "../errors";
import type { Fault, FaultInjector } from "../faults";
import type { ChimeBackend } from "../model/backend";
import { HANDLERS } from "./handlers";
import type { RequestLog } from "./request-log";
import { sendError, sendResult } from "./respond";
import { matchRoute, NO_CONTENT } from "./routes";
import { verifySigV4 } from "./sigv4";

export interface AwsApp {
  backend: ChimeBackend;
  faults: FaultInjector;
  /** accessKeyId → secretAccessKey. */
  credentials: ReadonlyMap<string, string>;
  log: RequestLog;
}

/**
 * One AWS API request: route → SigV4 → injected fault → JSON body → handler → response, and a log entry
 * with the operation and the status actually sent.
 */
export async function handleAwsRequest(
  app: AwsApp, req: IncomingMessage, res: ServerResponse, body: Buffer, rawPath: string, rawQuery: string,
): Promise<void> {
  const method = req.method ?? "GET";
  const query = new URLSearchParams(rawQuery);
  const match = matchRoute(method, rawPath, query.get("operation") ?? undefined);
  const operation = match?.operation ?? "Unknown";
  let status: number;
  try {
    if (!match) throw new UnknownOperationException(`No operation matches ${method} ${rawPath}${rawQuery ? "?" + rawQuery : ""}`);
    const auth = verifySigV4({ method, path: rawPath, rawQuery, headers: req.headers, body }, app.credentials, new Date());
    if (!auth.ok) throw new AuthenticationError(auth.code, auth.message);
    const fault = app.faults.next(operation);
    if (fault?.kind === "drop") {
      app.log.add(operation, method, rawPath, 0);
      req.socket.destroy();
      return;
    }
    if (fault) await applyFault(fault);
    const output = HANDLERS[match.operation](app.backend, {
      ctx: { controlRegion: auth.region }, labels: match.labels, query, body: parseBody(body),
    });
    status = NO_CONTENT.has(match.operation) ? 204 : 200;
    sendResult(res, status, output);
  } catch (err) {
    const chimeError = err instanceof ChimeError ? err : unexpected(err);
    status = chimeError.status;
    sendError(res, chimeError);
  }
  app.log.add(operation, method, rawPath, status);
}

async function applyFault(fault: Exclude<Fault, { kind: "drop" }>): Promise<void> {
  switch (fault.kind) {
    case "latency": await sleep(fault.ms); return;
    case "throttle": throw new ThrottlingException();
    case "serviceFailure": throw new ServiceFailureException();
    case "serviceUnavailable":
      throw new ServiceUnavailableException("The service is temporarily unavailable", fault.retryAfterSeconds);
  }
}

function parseBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new BadRequestException("The request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestException("The request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

function unexpected(err: unknown): ChimeError {
  // Internal bug: report it on stderr (no request data) and answer like the service does.
  process.stderr.write(`emulator: unexpected error: ${err instanceof Error ? err.stack : String(err)}\n`);
  return new ServiceFailureException();
}
