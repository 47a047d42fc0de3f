// Running the Python clients (boto3, botocore) that check the emulator independently of the JS SDK.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * Skips the calling suite when python3 cannot import `modules`, except in CI: Python and boto3 are part of the
 * toolchain there, so their absence fails the suite instead of skipping it.
 */
export async function requirePythonModules(ctx: Mocha.Context, modules: string, suite: string): Promise<void> {
  let missing: string | undefined;
  try {
    await execFileAsync("python3", ["-c", `import ${modules}`], { timeout: 30_000 });
  } catch (err) {
    missing = `python3 with boto3 is required for the ${suite} suite: ${(err as Error).message}`;
  }
  if (missing && process.env.CI === "true") throw new Error(missing);
  if (missing) {
    console.warn(`skipping: ${missing}`);
    ctx.skip();
  }
}

/** Runs python3 with `args`, with no AWS config or credentials file of this machine, and parses its stdout as JSON. */
export async function runPythonJson<T>(args: string[], opts: { timeout: number; maxBuffer: number }): Promise<T> {
  const env = { ...process.env, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null" };
  const { stdout } = await execFileAsync("python3", args, { env, ...opts });
  return JSON.parse(stdout) as T;
}
