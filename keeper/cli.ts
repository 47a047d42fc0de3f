#!/usr/bin/env node
// chime-meetings-keeper (`npm run keep --` in this repository): keeps a stack's declared meetings alive.
import { EXIT, parseArgs, USAGE, UsageError } from "./args";
import { packageVersion } from "../lib/package-info";
import type { LocalStack } from "./run";

async function main(): Promise<number> {
  let command;
  try {
    command = parseArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`chime-meetings-keeper: ${err.message}\n`);
    return EXIT.usage;
  }
  if (command.kind === "help") {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (command.kind === "version") {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (controller.signal.aborted) process.exit(EXIT.interrupted);
      process.stdout.write(`[keeper] ${new Date().toISOString()} ${signal}: stopping after the current step (send again to exit now)\n`);
      controller.abort();
    });
  }
  const local: { current?: LocalStack } = {};
  // Whatever way this process ends (a second signal included), the emulator it started goes with it.
  process.on("exit", () => local.current?.stop());
  const { keep, SetupError } = await import("./run");
  try {
    return await keep(command.args, local, controller.signal);
  } catch (err) {
    if (!(err instanceof SetupError)) throw err;
    process.stderr.write(`chime-meetings-keeper: ${err.message}\n`);
    return EXIT.setup;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`chime-meetings-keeper: fatal: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
    process.exit(EXIT.roundFailed);
  },
);
