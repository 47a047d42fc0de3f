import * as path from "node:path";

type Operations = typeof import("./operations");

/**
 * The operations module, as a path relative to the program directory. Pulumi runs both the program and the
 * dynamic-provider process in that directory, so the path resolves the same way in both. Computed when this
 * module loads, so the serialized provider carries it as a plain string.
 */
const OPERATIONS_PATH = path.relative(process.cwd(), require.resolve("./operations"));

/** The provider process is plain node: a TypeScript source tree needs a transpiler hook first. */
function enableTypeScript(file: string): void {
  if (!file.endsWith(".ts") || require.extensions[".ts"]) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("ts-node") as typeof import("ts-node")).register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
}

/**
 * Loads the provider's operations by path the first time they are needed. Keeping them out of the serialized
 * provider keeps `__provider` (stored twice per meeting in the state) at a few KB instead of about 90 KB.
 */
export function loadOperations(): Operations {
  // Required here, not imported: the serializer would otherwise capture the module under a platform-specific name.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const file = (require("node:path") as typeof path).resolve(process.cwd(), OPERATIONS_PATH);
  try {
    enableTypeScript(file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as Operations;
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new Error(
      `the Meeting provider's operations could not be loaded from ${file} (${OPERATIONS_PATH} relative to the program directory ` +
      `${process.cwd()}): ${reason}. Run pulumi in the project directory and keep chime-meetings where it was installed.`,
    );
  }
}
