#!/usr/bin/env node
import { parseArgs } from "node:util";
import { packageVersion } from "../lib/package-info";
import { startEmulator, type EmulatorOptions } from "./server";

const HELP = `Usage: chime-meetings-emulator [options]

A local Amazon Chime SDK Meetings API (restJson1, SigV4-verified) with an admin API under /_emulator/.

Options:
  --host HOST                interface to bind (default 127.0.0.1)
  --port PORT                port, 0 = pick a free one (default 0)
  --data-dir DIR             keep state in DIR across restarts (default: in memory)
  --access-key-id ID         accepted access key id (default "test"; env CHIME_EMULATOR_ACCESS_KEY_ID)
  --secret-access-key KEY    its secret (default "test"; env CHIME_EMULATOR_SECRET_ACCESS_KEY)
  --account-id ID            12-digit account in ARNs and events (default 123456789012)
  --no-lifecycle             meetings never end by themselves
  --clock-speed N            emulator clock runs N times real time (default 1)
  --rate-limit N             at most N requests per second per operation and region, then
                             429 ThrottlingException (default: unlimited)
  --allow-default-credentials  accept test/test on a non-loopback --host (refused otherwise)
  --help                     show this help
  --version                  print the version

The first line printed is "listening on http://HOST:PORT". Point AWS clients at it with
AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS=http://HOST:PORT and the credentials above.

Exit codes: 0 stopped by SIGINT or SIGTERM, 1 could not start (e.g. the port is taken), 2 bad flags.`;

/** Parses argv (without node and script) and the environment into options; throws on bad input. */
export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): EmulatorOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      "data-dir": { type: "string" },
      "access-key-id": { type: "string" },
      "secret-access-key": { type: "string" },
      "account-id": { type: "string" },
      "no-lifecycle": { type: "boolean" },
      "clock-speed": { type: "string" },
      "rate-limit": { type: "string" },
      "allow-default-credentials": { type: "boolean" },
      help: { type: "boolean" },
      version: { type: "boolean" },
    },
  });
  if (values.help) return "help";
  return {
    host: values.host,
    port: values.port === undefined ? 0 : numberFlag("--port", values.port),
    dataDir: values["data-dir"],
    accessKeyId: values["access-key-id"] ?? env.CHIME_EMULATOR_ACCESS_KEY_ID,
    secretAccessKey: values["secret-access-key"] ?? env.CHIME_EMULATOR_SECRET_ACCESS_KEY,
    accountId: values["account-id"],
    lifecycle: !values["no-lifecycle"],
    clockSpeed: values["clock-speed"] === undefined ? undefined : numberFlag("--clock-speed", values["clock-speed"]),
    rateLimit: values["rate-limit"] === undefined ? undefined : numberFlag("--rate-limit", values["rate-limit"]),
    allowDefaultCredentials: values["allow-default-credentials"] === true,
  };
}

function numberFlag(flag: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n)) throw new RangeError(`${flag}: value ${JSON.stringify(raw)} must be a number`);
  return n;
}

async function main(): Promise<void> {
  if (process.argv.slice(2).includes("--version")) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  let options: EmulatorOptions | "help";
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`chime-meetings-emulator: ${err instanceof Error ? err.message : String(err)}\nTry --help.\n`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(HELP + "\n");
    return;
  }
  const emulator = await startEmulator(options);
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Handlers first: a supervisor may signal as soon as it reads the URL.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.stdout.write(`listening on ${emulator.url}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`chime-meetings-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
