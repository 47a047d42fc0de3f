// The providers below must use require(): they run in the provider process from their serialized text, where no
// import can be resolved. configure() is async but never awaits, on purpose: Pulumi's dynamic-provider host caches the
// provider before configure() settles, so calls arriving meanwhile would find no methods installed yet; all the work
// is done before it returns its promise, and a failure still reaches the engine as a rejection.
//
// Pulumi stores the serialized provider (`__provider`) twice in every meeting's state (inputs and outputs) and the
// engine rewrites the whole state after every step, so each byte of it costs 2 × N bytes per checkpoint write
// (docs/PERFORMANCE.md). Hence: only the provider this installation needs is serialized; it captures no variable
// (the entry point is a literal, the methods are object-literal methods, so no name refers to itself); its bodies
// carry no comments (Pulumi serializes a function's text, comments included); and the AWS SDK is required by the
// operations themselves (client.ts), not handed over. Nothing the providers use is exported: TypeScript would refer
// to it as `exports.X`, and Pulumi would capture this whole module instead of the value.
/* eslint-disable @typescript-eslint/no-require-imports -- see above */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as path from "node:path";
import type * as TsNode from "ts-node";
import type * as OperationsModule from "./operations";
import type { MeetingInputs, MeetingOutputs } from "./types";

type Provider = dynamic.ResourceProvider<MeetingInputs, MeetingOutputs>;
type Operations = typeof OperationsModule;

/**
 * Installed from the package (compiled `.js`): the package entry point `chime-meetings/meeting-provider`
 * (lib/meeting-provider.ts), resolved from the project directory like any dependency, so a later release may move
 * its files without breaking the stacks created before it. A missing package fails configure() with Node's
 * "Cannot find module 'chime-meetings/meeting-provider'", which the engine reports for the first meeting.
 */
const packageProvider = {
  async configure(this: Provider, req: dynamic.ConfigureRequest): Promise<void> {
    Object.assign(this, (require("chime-meetings/meeting-provider") as Operations).configured(req.config));
  },
};

/**
 * In this repository's TypeScript sources (its programs, tests and benches): the operations module by its path
 * relative to the project directory (Pulumi runs the program and the provider process there), through ts-node.
 * Computed when this module loads, so the serialized provider carries it as a plain string.
 */
const SOURCES_ENTRY = path.relative(process.cwd(), path.join(__dirname, "operations"));

const sourcesProvider = {
  async configure(this: Provider, req: dynamic.ConfigureRequest): Promise<void> {
    if (!require.extensions[".ts"]) {
      (require("ts-node") as typeof TsNode).register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
    }
    const ops = require((require("node:path") as typeof path).resolve(process.cwd(), SOURCES_ENTRY)) as Operations;
    Object.assign(this, ops.configured(req.config));
  },
};

const selected = __filename.endsWith(".ts") ? sourcesProvider : packageProvider;

/** The provider behind `Meeting`: configure() installs check/diff/create/read/update/delete. */
export class MeetingProvider implements Provider {
  declare check: NonNullable<Provider["check"]>;
  declare diff: NonNullable<Provider["diff"]>;
  declare create: Provider["create"];
  declare read: NonNullable<Provider["read"]>;
  declare update: NonNullable<Provider["update"]>;
  declare delete: NonNullable<Provider["delete"]>;

  configure(req: dynamic.ConfigureRequest): Promise<void> {
    return selected.configure.call(this, req);
  }
}

/**
 * The one provider object all meetings share (Pulumi caches its serialization per object). A plain object rather
 * than a MeetingProvider instance, so that what Pulumi serializes holds no class, prototype or constructor.
 */
export const meetingProvider = selected as unknown as MeetingProvider;
