import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { coreAdminRoutes } from "./core/admin/core-routes";
import { ADMIN_PREFIX, handleAdminRequest, type AdminRoute } from "./core/admin/router";
import { checkBind } from "./core/bind-check";
import { FaultInjector } from "./core/faults";
import { RateLimiter } from "./core/http/rate-limit";
import { RequestLog } from "./core/http/request-log";
import { chimeAdminRoutes } from "./services/chime-sdk-meetings/admin-routes";
import { BadRequestException } from "./services/chime-sdk-meetings/errors";
import { openChimeService } from "./services/chime-sdk-meetings/service";
import { refusedBeforeBody } from "./services/chime-sdk-meetings/wire/early-auth";
import { handleAwsRequest, type AwsApp } from "./services/chime-sdk-meetings/wire/pipeline";
import { OPERATIONS } from "./services/chime-sdk-meetings/wire/routes";
import { sendError } from "./services/chime-sdk-meetings/wire/send-error";
import { handleSsmRequest, isSsmRequest, openParameters, ParameterStore, type SsmApp } from "./services/ssm";

export interface EmulatorOptions {
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keep state in this directory (durable journal); default in memory. */
  dataDir?: string;
  /** Accepted SigV4 credentials; default "test" / "test". */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Account in meeting ARNs and events; default 123456789012. */
  accountId?: string;
  /** Meetings end by themselves (5 min idle, 24 h); default true. */
  lifecycle?: boolean;
  /** Emulator clock speed relative to real time; default 1. */
  clockSpeed?: number;
  /** Requests per second per operation, account and control region before 429 ThrottlingException; default unlimited. */
  rateLimit?: number;
  /** Accept the default test/test credentials on a non-loopback host (refused otherwise); default false. */
  allowDefaultCredentials?: boolean;
}

export interface RunningEmulator {
  /** http://HOST:PORT */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const SWEEP_INTERVAL_MS = 1000;
const EMPTY_BODY = Buffer.alloc(0);

function checkOptions(o: EmulatorOptions): void {
  if (o.port !== undefined && (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535)) {
    throw new RangeError(`port: value ${o.port} must be an integer from 0 to 65535`);
  }
  if (o.accountId !== undefined && !/^\d{12}$/.test(o.accountId)) {
    throw new RangeError(`accountId: value ${JSON.stringify(o.accountId)} must be 12 digits`);
  }
  if (o.rateLimit !== undefined && (!Number.isFinite(o.rateLimit) || o.rateLimit <= 0)) {
    throw new RangeError(`rateLimit: value ${o.rateLimit} must be a number of requests per second above 0`);
  }
  if (o.accessKeyId === "" || o.secretAccessKey === "") throw new RangeError("accessKeyId and secretAccessKey must not be empty");
}

/** Starts the Chime SDK Meetings emulator (AWS routes + admin API under /_emulator/). */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(opts);
  const host = opts.host ?? "127.0.0.1";
  const bindWarning = checkBind({ ...opts, host });
  const chime = openChimeService({
    accountId: opts.accountId ?? "123456789012",
    lifecycle: opts.lifecycle ?? true,
    clockSpeed: opts.clockSpeed ?? 1,
    dataDir: opts.dataDir,
  });
  const backend = chime.backend;
  const app: AwsApp = {
    backend,
    faults: new FaultInjector({ operations: OPERATIONS }),
    credentials: new Map([[opts.accessKeyId ?? "test", opts.secretAccessKey ?? "test"]]),
    log: new RequestLog(),
    rateLimit: opts.rateLimit === undefined ? undefined : new RateLimiter(opts.rateLimit, opts.accountId ?? "123456789012"),
  };
  // The SSM Parameter Store subset (emulator/ssm) shares the credentials and the request log.
  const parameters = openParameters(opts.dataDir);
  const ssm: SsmApp = {
    store: new ParameterStore(parameters.saved, parameters.persist),
    credentials: app.credentials,
    log: app.log,
    accountId: opts.accountId ?? "123456789012",
  };
  const reset: AdminRoute = [
    "POST",
    /^reset$/,
    () => {
      backend.reset();
      app.faults.clear();
      app.log.clear();
    },
  ];
  const adminRoutes = [...coreAdminRoutes(app.faults, app.log), ...chimeAdminRoutes(backend), reset];
  const server = createServer((req, res) => route(app, ssm, adminRoutes, req, res));
  server.keepAliveTimeout = 65_000;
  const sweeper = setInterval(() => backend.sweep(), SWEEP_INTERVAL_MS);
  sweeper.unref();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, host, () => resolve());
    });
  } catch (err) {
    clearInterval(sweeper);
    chime.close();
    throw err;
  }
  const { port } = boundAddress(server.address());
  if (bindWarning) process.stderr.write(`${bindWarning}\n`);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.close(() => {
          chime.close();
          resolve();
        });
        server.closeAllConnections();
      })),
  };
}

/** The address of a server listening on TCP (not a pipe). */
function boundAddress(address: AddressInfo | string | null): AddressInfo {
  if (address === null || typeof address === "string") throw new Error(`the emulator is not listening on a TCP port (${String(address)})`);
  return address;
}

function route(app: AwsApp, ssm: SsmApp, adminRoutes: readonly AdminRoute[], req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? "" : url.slice(q + 1);
  const dispatch = (body: Buffer) => {
    const exchange = { req, res, body, rawPath, rawQuery };
    if (rawPath.startsWith(ADMIN_PREFIX)) handleAdminRequest(adminRoutes, exchange);
    else if (isSsmRequest(req, rawPath)) handleSsmRequest(ssm, exchange);
    else handleAwsRequest(app, exchange);
  };
  const length = req.headers["content-length"];
  if (length === "0" || (length === undefined && req.headers["transfer-encoding"] === undefined)) {
    // No body (most GET/DELETE): answer now; Node discards the empty stream before reusing the connection.
    dispatch(EMPTY_BODY);
    return;
  }
  if (
    !rawPath.startsWith(ADMIN_PREFIX) &&
    !isSsmRequest(req, rawPath) &&
    refusedBeforeBody(app, req, res, rawPath, rawQuery, MAX_BODY_BYTES)
  )
    return;
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on("end", () => {
    if (size > MAX_BODY_BYTES) {
      sendError(res, new BadRequestException(`The request body exceeds ${MAX_BODY_BYTES} bytes`));
      return;
    }
    dispatch(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  });
}
