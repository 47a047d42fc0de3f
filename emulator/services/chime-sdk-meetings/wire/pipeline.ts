import type { ServerResponse } from "node:http";
import {
  AuthenticationError,
  BadRequestException,
  ChimeError,
  ServiceFailureException,
  ServiceUnavailableException,
  ThrottlingException,
  UnknownOperationException,
} from "../errors";
import type { Fault, FaultInjector } from "../../../core/faults";
import type { RateLimiter } from "../../../core/http/rate-limit";
import type { RequestLog } from "../../../core/http/request-log";
import { sendResult } from "../../../core/http/respond";
import { parseJsonObject, type JsonObject } from "../../../core/json";
import { verifySigV4 } from "../../../core/sigv4/verify";
import type { ChimeBackend } from "../model/backend";
import { HANDLERS, type HandlerInput } from "./handlers";
import { checkRequestShape } from "./request-shape";
import { matchRoute, NO_CONTENT, type OperationName } from "./routes";
import { sendError } from "./send-error";
import type { Exchange } from "../../../core/http/exchange";

export interface AwsApp {
  backend: ChimeBackend;
  faults: FaultInjector;
  /** accessKeyId → secretAccessKey. */
  credentials: ReadonlyMap<string, string>;
  log: RequestLog;
  /** Opt-in request quotas (--rate-limit); undefined: unlimited. */
  rateLimit?: RateLimiter;
}

const EMPTY_QUERY = new URLSearchParams();

/**
 * One AWS API request: route → SigV4 → injected fault → JSON body → handler → response, and a log entry
 * with the operation and the status actually sent. Synchronous unless a latency fault delays it.
 */
export function handleAwsRequest(app: AwsApp, { req, res, body, rawPath, rawQuery }: Exchange): void {
  const method = req.method ?? "GET";
  const query = rawQuery === "" ? EMPTY_QUERY : new URLSearchParams(rawQuery);
  const match = matchRoute(method, rawPath, query.get("operation") ?? undefined);
  const call: Call = { app, res, method, rawPath, operation: match?.operation ?? "Unknown" };
  try {
    if (!match) throw new UnknownOperationException(`No operation matches ${method} ${rawPath}${rawQuery ? "?" + rawQuery : ""}`);
    const auth = verifySigV4({ method, path: rawPath, rawQuery, headers: req.headers, body }, app.credentials, new Date());
    if (!auth.ok) throw new AuthenticationError(auth.code, auth.message);
    if (app.rateLimit && !app.rateLimit.take(auth.region, match.operation)) throw new ThrottlingException();
    const input = () => ({ ctx: { controlRegion: auth.region }, labels: match.labels, query, body: parseBody(body) });
    const fault = app.faults.next(match.operation);
    if (fault?.kind === "drop") {
      app.log.add(call.operation, method, rawPath, 0);
      req.socket.destroy();
    } else if (fault?.kind === "latency") {
      setTimeout(() => invoke(call, match.operation, input), fault.ms);
    } else {
      if (fault) throw faultError(fault);
      invoke(call, match.operation, input);
    }
  } catch (err) {
    fail(call, err);
  }
}

interface Call {
  app: AwsApp;
  res: ServerResponse;
  method: string;
  rawPath: string;
  operation: string;
}

function invoke(call: Call, operation: OperationName, input: () => HandlerInput): void {
  try {
    const checked = input();
    checkRequestShape(operation, checked);
    const output = HANDLERS[operation](call.app.backend, checked);
    const status = NO_CONTENT.has(operation) ? 204 : 200;
    sendResult(call.res, status, output);
    call.app.log.add(call.operation, call.method, call.rawPath, status);
  } catch (err) {
    fail(call, err);
  }
}

function fail(call: Call, err: unknown): void {
  const chimeError = err instanceof ChimeError ? err : unexpected(err);
  sendError(call.res, chimeError);
  call.app.log.add(call.operation, call.method, call.rawPath, chimeError.status);
}

function faultError(fault: Fault): ChimeError {
  switch (fault.kind) {
    case "throttle":
      return new ThrottlingException();
    case "serviceUnavailable":
      return new ServiceUnavailableException("The service is temporarily unavailable", fault.retryAfterSeconds);
    default:
      return new ServiceFailureException();
  }
}

function parseBody(body: Buffer): JsonObject {
  return parseJsonObject(body, (message) => new BadRequestException(message));
}

function unexpected(err: unknown): ChimeError {
  // Internal bug: report it on stderr (no request data) and answer like the service does.
  process.stderr.write(`emulator: unexpected error: ${err instanceof Error ? err.stack : String(err)}\n`);
  return new ServiceFailureException();
}
