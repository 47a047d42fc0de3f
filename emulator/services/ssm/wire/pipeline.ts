import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestLog } from "../../../core/http/request-log";
import { nextRequestId } from "../../../core/http/respond";
import { parseJsonObject, type JsonObject } from "../../../core/json";
import { verifySigV4 } from "../../../core/sigv4/verify";
import { internalError, SsmError, unknownOperation, validation } from "../errors";
import type { ParameterStore } from "../model/parameter-store";
import { SSM_HANDLERS, SSM_OPERATIONS, type SsmOperation } from "./handlers";
import type { Exchange } from "../../../core/http/exchange";

/** What the SSM subset needs from the emulator: its store, the accepted credentials, the shared request log. */
export interface SsmApp {
  store: ParameterStore;
  credentials: ReadonlyMap<string, string>;
  log: RequestLog;
  accountId: string;
}

const TARGET_PREFIX = "AmazonSSM.";
export const SSM_SIGNING_NAME = "ssm";

/** AWS JSON 1.1 requests for SSM: `POST /` with `X-Amz-Target: AmazonSSM.<operation>` (Chime never uses `/`). */
export function isSsmRequest(req: IncomingMessage, rawPath: string): boolean {
  const target = req.headers["x-amz-target"];
  return rawPath === "/" && typeof target === "string" && target.startsWith(TARGET_PREFIX);
}

/** route → SigV4 (signing name `ssm`) → JSON body → handler → response, logged like the Chime routes. */
export function handleSsmRequest(app: SsmApp, { req, res, body, rawPath, rawQuery }: Exchange): void {
  const method = req.method ?? "POST";
  const target = String(req.headers["x-amz-target"]).slice(TARGET_PREFIX.length);
  const operation: SsmOperation | undefined = SSM_OPERATIONS.find((o) => o === target);
  let status: number;
  try {
    if (!operation || method !== "POST") throw unknownOperation(`${TARGET_PREFIX}${target}`);
    const auth = verifySigV4(
      { method, path: rawPath, rawQuery, headers: req.headers, body },
      app.credentials,
      new Date(),
      SSM_SIGNING_NAME,
    );
    if (!auth.ok) throw new SsmError(auth.code, auth.message, auth.status);
    const output = SSM_HANDLERS[operation](app.store, auth.region, parseBody(body), app.accountId);
    status = 200;
    send(res, 200, output);
  } catch (err) {
    const error = err instanceof SsmError ? err : unexpected(err);
    status = error.status;
    send(res, error.status, { __type: error.type, message: error.message }, error.type);
  }
  app.log.add(operation ?? "Unknown", method, rawPath, status);
}

function parseBody(body: Buffer): JsonObject {
  return parseJsonObject(body, validation);
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>, errorType?: string): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/x-amz-json-1.1",
    "content-length": Buffer.byteLength(payload),
    "x-amzn-requestid": nextRequestId(),
    ...(errorType ? { "x-amzn-errortype": errorType } : {}),
  });
  res.end(payload);
}

function unexpected(err: unknown): SsmError {
  process.stderr.write(`emulator: unexpected SSM error: ${err instanceof Error ? err.stack : String(err)}\n`);
  return internalError();
}
