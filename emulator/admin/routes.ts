import type { IncomingMessage, ServerResponse } from "node:http";
import { ChimeError } from "../errors";
import { FaultConfigError, type FaultInjector } from "../faults";
import type { ChimeBackend } from "../model/backend";
import type { RequestLog } from "../http/request-log";
import { echoValue } from "../../chime/violation";
import { adminRefusal, MAX_ADMIN_BODY_BYTES } from "./guard";

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
    // Checked by the clock before anything is journaled or applied: a refused value changes nothing.
    app.backend.advanceClock((body as { seconds?: unknown } | undefined)?.seconds as number);
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

export { isLoopback } from "./guard";

/** Handles one admin request; answers JSON (`{ error }` on failure). */
export function handleAdminRequest(app: AdminApp, req: IncomingMessage, res: ServerResponse, body: Buffer, rawPath: string, rawQuery: string): void {
  try {
    const refusal = adminRefusal(req, req.socket.localPort);
    if (refusal) throw new AdminError(403, refusal);
    if (body.length > MAX_ADMIN_BODY_BYTES) throw new AdminError(413, `the admin request body exceeds ${MAX_ADMIN_BODY_BYTES} bytes`);
    const rest = rawPath.slice(ADMIN_PREFIX.length);
    const method = req.method ?? "GET";
    const found = ROUTES.map(([m, p, h]) => [m, p.exec(rest), h] as const).find(([m, match]) => m === method && match);
    if (!found) throw new AdminError(404, `no admin route ${method} ${echoValue(rawPath)}`);
    const params = (found[1] as RegExpExecArray).slice(1).map(decodePathParam);
    const result = found[2](app, params, parseJson(body), new URLSearchParams(rawQuery));
    send(res, result === undefined ? 204 : 200, result);
  } catch (err) {
    const status = err instanceof AdminError ? err.status
      : err instanceof ChimeError ? err.status
        : err instanceof FaultConfigError || err instanceof RangeError ? 400 : 500;
    send(res, status, { error: err instanceof Error ? err.message : String(err) });
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
