import * as path from "node:path";

type Operations = typeof import("./operations");

/** The package entry point the serialized provider loads (lib/meeting-provider.ts); stable across releases. */
export const PACKAGE_ENTRY = "chime-meetings/meeting-provider";

/**
 * What the provider process requires to get the operations, computed when this module loads so that the serialized
 * provider carries it as a plain string:
 * - installed from the package (compiled `.js`), the package entry point, resolved from the program directory
 *   like any dependency, so a later release may move its files without breaking stacks created before;
 * - in this repository's TypeScript sources, the operations module's path relative to the program directory
 *   (Pulumi runs the program and the provider process there), loaded through ts-node.
 */
export const OPERATIONS_ENTRY = __filename.endsWith(".ts")
  ? path.relative(process.cwd(), require.resolve("./operations"))
  : PACKAGE_ENTRY;

/**
 * The provider's operations, required on first use (later calls hit the require cache). The AWS SDK is required
 * from the program directory and handed over, as states created by earlier releases expect. Comments and messages
 * inside this function's body are serialized into every meeting's state: keep it short.
 */
export function operations(): Operations {
  const nodePath = require("node:path") as typeof path;
  const relative = OPERATIONS_ENTRY.startsWith(".") || nodePath.isAbsolute(OPERATIONS_ENTRY) || OPERATIONS_ENTRY.includes(nodePath.sep);
  const target = relative ? nodePath.resolve(process.cwd(), OPERATIONS_ENTRY) : OPERATIONS_ENTRY;
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
