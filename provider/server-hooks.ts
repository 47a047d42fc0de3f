import * as path from "node:path";
import type { CapturedConfig } from "./configure-capture";

/**
 * Two gaps of `@pulumi/pulumi/provider`'s gRPC server (3.248), closed by wrapping its handlers before the service
 * is registered; everything else, and every answer the server gives, is unchanged:
 * - Configure: the server answers it itself and drops the request; the wrapper hands the arguments to `config`.
 * - Read without properties (`pulumi import`, the `import` option): the server calls `toJavaScript()` on the absent
 *   properties and fails; the wrapper gives it an empty property map, which the operations read as an import.
 */

interface StructLike {
  toJavaScript(): Record<string, unknown>;
}

interface ConfigureRequestLike {
  getArgs(): StructLike | undefined;
  getVariablesMap(): { entries(): { next(): { done?: boolean; value?: [string, string] } } } | undefined;
}

interface ReadRequestLike {
  getProperties(): StructLike | undefined;
  setProperties(value: unknown): void;
}

type Handler<R> = (call: { request: R }, callback: unknown) => unknown;

function variablesOf(req: ConfigureRequestLike): [string, string][] {
  const out: [string, string][] = [];
  const it = req.getVariablesMap()?.entries();
  if (!it) return out;
  for (let r = it.next(); !r.done && r.value; r = it.next()) out.push(r.value);
  return out;
}

function sdkRequire<T>(id: string): T {
  const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is resolved from the Pulumi SDK's own directory at run time
  return require(require.resolve(id, { paths: [sdkDir] })) as T;
}

function isResourceProviderService(service: unknown): boolean {
  return typeof service === "object" && service !== null && "configure" in service && "read" in service;
}

/** Installs the wrappers on the gRPC library the Pulumi SDK serves with; call before `provider.main`. */
export function installServerHooks(config: CapturedConfig): void {
  const grpc = sdkRequire<{
    Server: { prototype: { addService: (this: unknown, service: unknown, impl: Record<string, unknown>) => void } };
  }>("@grpc/grpc-js");
  const { Struct } = sdkRequire<{ Struct: new () => unknown }>("google-protobuf/google/protobuf/struct_pb");
  const original = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service, impl) {
    if (isResourceProviderService(service)) {
      const configure = impl.configure as Handler<ConfigureRequestLike>;
      const read = impl.read as Handler<ReadRequestLike>;
      impl.configure = (call: { request: ConfigureRequestLike }, callback: unknown) => {
        config.record(call.request.getArgs()?.toJavaScript(), variablesOf(call.request));
        return configure.call(impl, call, callback);
      };
      impl.read = (call: { request: ReadRequestLike }, callback: unknown) => {
        if (call.request.getProperties() === undefined) call.request.setProperties(new Struct());
        return read.call(impl, call, callback);
      };
    }
    return original.call(this, service, impl);
  };
}
