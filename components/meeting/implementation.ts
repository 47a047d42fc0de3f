import * as path from "node:path";

type Operations = typeof import("./operations");

/**
 * The operations module as a path relative to the program directory. Pulumi runs the program and the
 * dynamic-provider process in that directory, so the path resolves the same way in both. Computed when this
 * module loads, so the serialized provider carries it as a plain string.
 */
const OPERATIONS_PATH = path.relative(process.cwd(), require.resolve("./operations"));

/**
 * The provider's operations, required by path on first use (later calls hit the require cache). The provider
 * process is plain node, so a TypeScript source tree gets ts-node's transpiler hook first. The AWS SDK is
 * required here, from the program directory, and handed over, so the provider keeps using the program's SDK
 * as it did when the operations travelled inside `__provider`. Comments and messages inside this function's
 * body are serialized into every meeting's state: keep it short.
 */
export function operations(): Operations {
  const file = (require("node:path") as typeof path).resolve(process.cwd(), OPERATIONS_PATH);
  try {
    if (file.endsWith(".ts") && !require.extensions[".ts"]) {
      (require("ts-node") as typeof import("ts-node")).register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
    }
    const ops = require(file) as Operations;
    ops.useChimeSdk(require("@aws-sdk/client-chime-sdk-meetings"));
    return ops;
  } catch (err) {
    throw new Error(`cannot load the Meeting provider from ${file} (run pulumi in the project directory): ${String(err)}`);
  }
}
