// Pulumi stores a dynamic resource's provider (`__provider`) twice in every resource's state (inputs and outputs),
// and the file backend rewrites the whole state after every step, so each byte of it costs 2 × N bytes per
// checkpoint write (docs/PERFORMANCE.md). `pulumi.dynamic.Resource` would store the output of
// `runtime.serializeFunction`, which wraps every captured function in about 250 bytes of scaffolding. The Meeting
// registers its dynamic type directly instead and stores the module below: what the dynamic-provider host loads for
// every resource it serves (`require-from-string`, then `handler()`, then `configure(req)` once per distinct text).
// Its `require` resolves from the project directory, like any dependency of the program.
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as vm from "node:vm";
import type { StoredMeetingOutputs } from "./stored-outputs";
import type { MeetingInputs } from "./types";

type Provider = dynamic.ResourceProvider<MeetingInputs, StoredMeetingOutputs>;

/**
 * Installed from the package (compiled `.js`): the package entry point `chime-meetings/meeting-provider`
 * (lib/meeting-provider.ts), so a later release may move its files without breaking the stacks created before it.
 * A missing package fails configure() with Node's "Cannot find module 'chime-meetings/meeting-provider'", which the
 * engine reports for the first meeting.
 */
const PACKAGE_MODULE =
  'exports.handler = () => ({ configure(req) { Object.assign(this, require("chime-meetings/meeting-provider").configuredForState(req.config)); } });\n';

/**
 * In this repository's TypeScript sources (its programs, tests and benches): the operations module by its path
 * relative to the project directory (Pulumi runs the program and the provider process there), through ts-node.
 */
function sourcesModule(entry: string): string {
  return [
    "exports.handler = () => ({ configure(req) {",
    '  if (!require.extensions[".ts"]) require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });',
    `  Object.assign(this, require(require("node:path").resolve(process.cwd(), ${JSON.stringify(entry)})).configuredForState(req.config));`,
    "} });\n",
  ].join("\n");
}

/** The module text stored as every Meeting's `__provider`: this installation's loader only. */
export const MEETING_PROVIDER_MODULE = __filename.endsWith(".ts")
  ? sourcesModule(path.relative(process.cwd(), path.join(__dirname, "operations")).split(path.sep).join("/"))
  : PACKAGE_MODULE;

/** Evaluates a `__provider` text as the dynamic-provider host does: a CommonJS module whose require starts at cwd. */
export function loadProviderModule(text: string): { handler: () => Provider } {
  const moduleExports: { handler?: () => Provider } = {};
  const requireFromCwd = createRequire(path.join(process.cwd(), "__provider.js"));
  const wrapped = vm.runInThisContext(`(function (exports, require) {\n${text}\n})`, { filename: "__provider.js" }) as (
    exports: object,
    require: NodeJS.Require,
  ) => void;
  wrapped(moduleExports, requireFromCwd);
  if (typeof moduleExports.handler !== "function") throw new Error("the __provider module exports no handler()");
  return moduleExports as { handler: () => Provider };
}

/**
 * The provider behind `Meeting`, for use in this process (tests, benches): configure() runs the stored module's
 * configure, which installs check/diff/create/read/update/delete.
 */
export class MeetingProvider implements Provider {
  declare check: NonNullable<Provider["check"]>;
  declare diff: NonNullable<Provider["diff"]>;
  declare create: Provider["create"];
  declare read: NonNullable<Provider["read"]>;
  declare update: NonNullable<Provider["update"]>;
  declare delete: NonNullable<Provider["delete"]>;

  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    const loaded = loadProviderModule(MEETING_PROVIDER_MODULE).handler();
    await loaded.configure!.call(this, req);
  }
}
