import type { IncomingMessage, ServerResponse } from "node:http";
import { ChimeError } from "../errors";
import { FaultConfigError, type FaultInjector } from "../faults";
import type { ChimeBackend } from "../model/backend";
import type { RequestLog } from "../http/request-log";

/** Everything under this prefix is the admin surface: unsigned, loopback only, never an AWS route. */
export const ADMIN_PREFIX = "/_emulator/";

export interface AdminApp {
  backend: ChimeBackend;
  faults: FaultInjector;
  log: RequestLog;
}

type Json = Record<string, unknown> | unknown[];
type AdminHandler = (app: AdminApp, params: string[], body: unknown, query: URLSearchParams) => Json | void;

class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const ROUTES: [method: string, pattern: RegExp, handler: AdminHandler][] = [
  ["GET", /^health$/, () => ({ ok: true })],
  ["GET", /^meetings$/, (app) => app.backend.listMeetings()],
  ["POST", /^meetings\/([^/]+)\/expire$/, (app, [id]) => app.backend.expireMeeting(id)],
  ["POST", /^meetings\/([^/]+)\/attendees\/([^/]+)\/join$/, (app, [id, aid]) => app.backend.setAttendeeJoined(id, aid, true)],
  ["POST", /^meetings\/([^/]+)\/attendees\/([^/]+)\/leave$/, (app, [id, aid]) => app.backend.setAttendeeJoined(id, aid, false)],
  ["GET", /^clock$/, (app) => ({ now: new Date(app.backend.now()).toISOString() })],
  ["POST", /^clock\/advance$/, (app, _p, body) => {
    const seconds = (body as { seconds?: unknown } | undefined)?.seconds;
    if (typeof seconds !== "number" || !(seconds >= 0) || !Number.isFinite(seconds)) {
      throw new AdminError(400, `seconds: value ${JSON.stringify(seconds) ?? "undefined"} must be a non-negative number`);
    }
    app.backend.advanceClock(seconds);
    return { now: new Date(app.backend.now()).toISOString() };
  }],
  ["POST", /^reset$/, (app) => {
    app.backend.reset();
    app.faults.clear();
    app.log.clear();
  }],
  ["GET", /^faults$/, (app) => app.faults.state()],
  ["PUT", /^faults$/, (app, _p, body) => app.faults.configure(body as Parameters<FaultInjector["configure"]>[0])],
  ["DELETE", /^faults$/, (app) => app.faults.clear()],
  ["GET", /^requests$/, (app) => app.log.list()],
  ["DELETE", /^requests$/, (app) => app.log.clear()],
  ["GET", /^events$/, (app, _p, _b, q) => app.backend.events.list(q.get("meetingId") ?? undefined)],
];

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address.startsWith("127.") || address === "::1" || address.startsWith("::ffff:127."));
}

/** Handles one admin request; answers JSON (`{ error }` on failure). */
export function handleAdminRequest(app: AdminApp, req: IncomingMessage, res: ServerResponse, body: Buffer, rawPath: string, rawQuery: string): void {
  try {
    if (!isLoopback(req.socket.remoteAddress)) throw new AdminError(403, "the admin API only answers loopback clients");
    const rest = rawPath.slice(ADMIN_PREFIX.length);
    const method = req.method ?? "GET";
    const found = ROUTES.map(([m, p, h]) => [m, p.exec(rest), h] as const).find(([m, match]) => m === method && match);
    if (!found) throw new AdminError(404, `no admin route ${method} ${rawPath}`);
    const params = (found[1] as RegExpExecArray).slice(1).map(decodeURIComponent);
    const result = found[2](app, params, parseJson(body), new URLSearchParams(rawQuery));
    send(res, result === undefined ? 204 : 200, result);
  } catch (err) {
    const status = err instanceof AdminError ? err.status
      : err instanceof ChimeError ? err.status
        : err instanceof FaultConfigError || err instanceof RangeError ? 400 : 500;
    send(res, status, { error: err instanceof Error ? err.message : String(err) });
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
