import * as path from "node:path";
import { revealProperties } from "./secrets";

/**
 * The provider configuration (stack config `chime-meetings:*`, or an explicit provider's arguments).
 *
 * `@pulumi/pulumi/provider`'s server answers Configure itself and drops the request, so the plugin never sees
 * its configuration through the `Provider` interface. This wraps the server's Configure handler, before the
 * gRPC service is registered, to keep the request's arguments; the server's own answer (accepts secrets,
 * resources and outputs) is unchanged.
 */
export class CapturedConfig {
  private values = new Map<string, string>();
  private waiters: (() => void)[] = [];
  private received = false;

  constructor(private readonly pkg: string) {}

  /** `get("chime-meetings:endpoint")`, the shape operations.configured() reads; other packages' keys are absent. */
  get(key: string): string | undefined {
    return key.startsWith(`${this.pkg}:`) ? this.values.get(key.slice(this.pkg.length + 1)) : undefined;
  }

  /** Resolves once the engine has configured the provider (it always does before any resource call). */
  ready(): Promise<void> {
    return this.received ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  record(args: Record<string, unknown> | undefined, variables: Iterable<[string, string]>): void {
    const values = new Map<string, string>();
    // Older engines send only `variables`, keyed "<pkg>:config:<name>" (or "<pkg>:<name>").
    for (const [key, value] of variables) {
      const name = key.replace(new RegExp(`^${this.pkg}:(config:)?`), "");
      if (name !== key) values.set(name, value);
    }
    for (const [name, value] of Object.entries(revealProperties(args).plain)) {
      if (value !== undefined && value !== null) values.set(name, typeof value === "string" ? value : JSON.stringify(value));
    }
    this.values = values;
    this.received = true;
    for (const w of this.waiters.splice(0)) w();
  }
}

interface ConfigureRequestLike {
  getArgs(): { toJavaScript(): Record<string, unknown> } | undefined;
  getVariablesMap(): { entries(): { next(): { done?: boolean; value?: [string, string] } } } | undefined;
}

function variablesOf(req: ConfigureRequestLike): [string, string][] {
  const out: [string, string][] = [];
  const it = req.getVariablesMap()?.entries();
  if (!it) return out;
  for (let r = it.next(); !r.done && r.value; r = it.next()) out.push(r.value);
  return out;
}

type Handler = (call: { request: ConfigureRequestLike }, callback: unknown) => unknown;

/** Installs the capture on the gRPC library the Pulumi SDK serves with; call before `provider.main`. */
export function captureConfigure(config: CapturedConfig): void {
  const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkDir] })) as {
    Server: { prototype: { addService(service: unknown, impl: Record<string, unknown>): void } };
  };
  const original = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service, impl) {
    const configure = impl.configure as Handler | undefined;
    if (typeof configure === "function" && service && typeof service === "object" && "configure" in service) {
      impl.configure = (call: { request: ConfigureRequestLike }, callback: unknown) => {
        config.record(call.request.getArgs()?.toJavaScript(), variablesOf(call.request));
        return configure.call(impl, call, callback);
      };
    }
    return original.call(this, service, impl);
  };
}
