// The loader below must use require(): it runs in the provider process from the serialized text, where no import
// can be resolved. configure() is async but never awaits, on purpose: Pulumi's dynamic-provider host caches the
// provider before configure() settles, so calls arriving meanwhile would find no methods installed yet; all the work
// is done before it returns its promise, and a failure still reaches the engine as a rejection.
// Its error carries the cause in its message, not as `cause`: programs compile this file under their own tsconfig,
// whose lib may predate Error's cause. Comments inside the function bodies would be serialized into every state.
/* eslint-disable @typescript-eslint/no-require-imports, preserve-caught-error -- see above */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as path from "node:path";
import type * as TsNode from "ts-node";
import type * as OperationsModule from "./operations";
import type { MeetingInputs, MeetingOutputs } from "./types";

type Provider = dynamic.ResourceProvider<MeetingInputs, MeetingOutputs>;
type Operations = typeof OperationsModule;
type ChimeSdk = Parameters<Operations["useChimeSdk"]>[0];

/** The package entry point the serialized provider loads (lib/meeting-provider.ts); stable across releases. */
const PACKAGE_ENTRY = "chime-meetings/meeting-provider";

/**
 * What the provider process requires to get the operations, computed when this module loads so that the serialized
 * provider carries it as a plain string:
 * - installed from the package (compiled `.js`), the package entry point, resolved from the program directory like
 *   any dependency, so a later release may move its files without breaking stacks created before;
 * - in this repository's TypeScript sources, the operations module's path relative to the program directory
 *   (Pulumi runs the program and the provider process there), loaded through ts-node.
 */
const OPERATIONS_ENTRY = __filename.endsWith(".ts") ? path.relative(process.cwd(), require.resolve("./operations")) : PACKAGE_ENTRY;

// No constant or function below is exported: TypeScript would then refer to it as `exports.X`, and Pulumi would
// capture this module as a `require` of its file instead of serializing the provider by value. Pulumi stores the
// serialized provider (`__provider`) twice in every meeting's state (inputs and outputs) and the engine rewrites the
// whole state after every step, so each byte of what follows costs 2 × N bytes per checkpoint write: the function
// bodies carry no comments (they would be serialized), and only the loader this installation needs is captured.

/** The TypeScript sources' loader (this repository's programs, tests and benches); the package needs none. */
function fromSources(): Operations {
  if (!require.extensions[".ts"]) {
    (require("ts-node") as typeof TsNode).register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
  }
  return require((require("node:path") as typeof path).resolve(process.cwd(), OPERATIONS_ENTRY)) as Operations;
}

const loadSources = OPERATIONS_ENTRY === PACKAGE_ENTRY ? undefined : fromSources;

/**
 * The engine calls configure() first, once per provider process (before any other method); it requires the
 * operations on first use (later calls hit the require cache) and installs them, bound to the settings read from
 * stack config. The AWS SDK is required from the program directory and handed over, as states created by earlier
 * releases expect.
 */
async function configureOperations(this: Provider, req: dynamic.ConfigureRequest): Promise<void> {
  let ops: Operations;
  try {
    ops = loadSources ? loadSources() : (require(OPERATIONS_ENTRY) as Operations);
    ops.useChimeSdk(require("@aws-sdk/client-chime-sdk-meetings") as ChimeSdk);
  } catch (err) {
    throw new Error(`cannot load the Meeting provider (${OPERATIONS_ENTRY}; run pulumi in the project directory): ${String(err)}`);
  }
  Object.assign(this, ops.configured(req.config));
}

/** The provider behind `Meeting`: configure() installs check/diff/create/read/update/delete. */
export class MeetingProvider implements Provider {
  declare check: NonNullable<Provider["check"]>;
  declare diff: NonNullable<Provider["diff"]>;
  declare create: Provider["create"];
  declare read: NonNullable<Provider["read"]>;
  declare update: NonNullable<Provider["update"]>;
  declare delete: NonNullable<Provider["delete"]>;

  configure(req: dynamic.ConfigureRequest): Promise<void> {
    return configureOperations.call(this, req);
  }
}

/**
 * The one provider object all meetings share (Pulumi caches its serialization per object). A plain object rather
 * than a MeetingProvider instance, so that what Pulumi serializes holds no class, prototype or constructor.
 */
export const meetingProvider = { configure: configureOperations } as unknown as MeetingProvider;
