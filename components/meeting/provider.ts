import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as path from "node:path";
import type { MeetingInputs, MeetingOutputs } from "./types";

type Provider = dynamic.ResourceProvider<MeetingInputs, MeetingOutputs>;
type Operations = typeof import("./operations");

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

// Neither constant is exported: TypeScript would then refer to them as `exports.X`, and Pulumi would capture this
// module as a `require` of its file instead of serializing the function below by value.

/**
 * The provider's operations, required on first use (later calls hit the require cache). Defined in this module, not
 * imported, so that Pulumi serializes it by value (a module of an installed package would be captured as a
 * `require` of its file). The AWS SDK is required from the program directory and handed over, as states created by
 * earlier releases expect. Comments and messages inside this body are serialized into every meeting's state.
 */
function operations(): Operations {
  const nodePath = require("node:path") as typeof path;
  const entry = OPERATIONS_ENTRY;
  // A file (the sources' relative path) resolves from the program directory; the package entry like a dependency.
  const target = /\.[jt]s$/.test(entry) ? nodePath.resolve(process.cwd(), entry) : entry;
  try {
    if (target.endsWith(".ts") && !require.extensions[".ts"]) {
      (require("ts-node") as typeof import("ts-node")).register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
    }
    const ops = require(target) as Operations;
    ops.useChimeSdk(require("@aws-sdk/client-chime-sdk-meetings"));
    return ops;
  } catch (err) {
    throw new Error(`cannot load the Meeting provider (${target}; run pulumi in the project directory): ${String(err)}`);
  }
}

/**
 * The provider behind `Meeting`. Pulumi serializes this object into the state as `__provider`, once in each
 * meeting's inputs and once in its outputs, and the engine rewrites the whole state after every step; so the
 * serialized object holds only configure(). The engine calls configure() first, once per provider process (before
 * any other method), and configure() installs the operations, bound to the settings read from stack config.
 */
export class MeetingProvider implements Provider {
  declare check: NonNullable<Provider["check"]>;
  declare diff: NonNullable<Provider["diff"]>;
  declare create: Provider["create"];
  declare read: NonNullable<Provider["read"]>;
  declare update: NonNullable<Provider["update"]>;
  declare delete: NonNullable<Provider["delete"]>;

  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    Object.assign(this, operations().configured(req.config));
  }
}

/** The one provider instance all meetings share (Pulumi caches its serialization per object). */
export const meetingProvider = new MeetingProvider();
