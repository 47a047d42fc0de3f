import { parseArgs as parseFlags } from "node:util";

/** What `chime-meetings-keeper` (`npm run keep --` in this repository) was asked to do. */
export interface KeeperArgs {
  stack: string;
  intervalMs: number;
  once: boolean;
  /** Consecutive failed rounds after which the keeper gives up with a non-zero exit. */
  maxFailedRounds: number;
  /** The Pulumi project directory; @default the current directory */
  cwd?: string;
  /** The `pulumi` executable; @default `pulumi` on PATH */
  pulumi?: string;
  /** `probe`: one GetMeeting per meeting, refreshing only ended ones; `refresh`: refresh every meeting. */
  check: "probe" | "refresh";
  /** GetMeeting calls per second at most (the probe). */
  probeRate: number;
  /** Print the engine's own output too. */
  verbose: boolean;
}

export type KeeperCommand = { kind: "help" } | { kind: "version" } | { kind: "run"; args: KeeperArgs };

export const EXIT = { ok: 0, roundFailed: 1, usage: 2, setup: 3, interrupted: 130 } as const;

export const USAGE = `usage: chime-meetings-keeper --stack NAME [options]     (in this repository: npm run keep -- --stack NAME …)

Keeps the stack's Chime SDK meetings alive. Each round reads the meetings from the stack's state and asks the
API about each (one GetMeeting, at most --probe-rate per second); only when some ended does it refresh those and
run one 'pulumi up' targeted at exactly them and what depends on them (published addresses, replicas).

options:
  --stack NAME              the stack to keep (required)
  --cwd DIR                 the Pulumi project directory (default: the current directory; alias --work-dir)
  --interval D              pause between rounds: 30s, 5m, 1h, 1500ms or bare seconds, at least 1s (default 60s)
  --once                    run one round and exit (cron, CI, Pulumi Deployments)
  --max-failed-rounds N     exit 1 after N consecutive failed rounds (default 5)
  --check probe|refresh     probe: one GetMeeting per meeting (default); refresh: 'pulumi refresh' of every meeting
                            (for stacks whose provider assumes a role the keeper's own credentials cannot reach)
  --probe-rate N            GetMeeting calls per second at most (default 10, the API's quota per operation)
  --pulumi PATH             the pulumi executable (default: CHIME_MEETINGS_PULUMI, else 'pulumi' on PATH)
  --verbose                 also print the engine's output
  --help, --version         print this text or the version, exit 0

The backend, secrets and AWS settings come from the environment as for any pulumi command: PULUMI_BACKEND_URL or
'pulumi login', PULUMI_CONFIG_PASSPHRASE or the stack's secrets provider, the AWS SDK's credential chain,
AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS / AWS_ENDPOINT_URL_SSM for an emulator.

exit codes:
  0    done: --once round succeeded, or stopped by SIGINT/SIGTERM between steps
  1    the --once round failed, or --max-failed-rounds consecutive rounds failed
  2    bad arguments
  3    cannot start: no such project, stack or pulumi CLI, or the backend cannot be reached
  130  a second SIGINT/SIGTERM while a step was running`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const MIN_INTERVAL_MS = 1000;

function quoted(raw: string): string {
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
}

/** "60s", "5m", "1h", "500ms" or a bare number of seconds → milliseconds. */
export function parseDuration(raw: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(raw.trim());
  if (!m) throw new UsageError(`${flag}: value ${quoted(raw)} must be a duration such as 30s, 5m or 1h`);
  const ms = Number(m[1]) * UNITS[m[2] ?? "s"];
  if (ms < MIN_INTERVAL_MS) throw new UsageError(`${flag}: value ${quoted(raw)} must be at least 1s`);
  return ms;
}

function positiveInteger(raw: string, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: value ${quoted(raw)} must be a positive integer`);
  return n;
}

const STACK_NAME = /^[a-zA-Z0-9_.\-/]+$/;

const OPTIONS = {
  stack: { type: "string" },
  cwd: { type: "string" },
  "work-dir": { type: "string" },
  interval: { type: "string" },
  once: { type: "boolean" },
  "max-failed-rounds": { type: "string" },
  check: { type: "string" },
  "probe-rate": { type: "string" },
  pulumi: { type: "string" },
  verbose: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

/** node:util parseArgs' own errors, reworded to name the option first like the rest of ours. */
function flagsOf(argv: string[]) {
  try {
    return parseFlags({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`${unknown[1]}: unknown option (see --help)`);
    const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument (?:missing|is ambiguous)/.exec(message);
    if (missing) throw new UsageError(`${missing[1]}: needs a value`);
    const extra = /Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(message);
    if (extra) throw new UsageError(`${extra[1]}: takes no value`);
    const positional = /Unexpected argument '([^']+)'/.exec(message);
    if (positional)
      throw new UsageError(`${quoted(positional[1])}: unexpected argument (options take the form --name value or --name=value)`);
    throw new UsageError(message);
  }
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = {}): KeeperCommand {
  const v = flagsOf(argv);
  if (v.help) return { kind: "help" };
  if (v.version) return { kind: "version" };
  for (const flag of ["stack", "cwd", "work-dir", "pulumi"] as const) {
    const value = v[flag];
    if (value !== undefined && (value === "" || value.startsWith("--"))) throw new UsageError(`--${flag}: needs a value`);
  }
  if (v.stack === undefined) throw new UsageError("--stack: is required (e.g. --stack dev; see --help)");
  if (!STACK_NAME.test(v.stack)) throw new UsageError(`--stack: value ${quoted(v.stack)} must be a stack name (letters, digits, _ . - /)`);
  if (v.cwd !== undefined && v["work-dir"] !== undefined && v.cwd !== v["work-dir"])
    throw new UsageError("--work-dir: is an alias of --cwd; give one of them");
  const check = v.check ?? "probe";
  if (check !== "probe" && check !== "refresh") throw new UsageError(`--check: value ${quoted(check)} must be probe or refresh`);
  const pulumi = v.pulumi ?? (env.CHIME_MEETINGS_PULUMI || undefined);
  const args: KeeperArgs = {
    stack: v.stack,
    intervalMs: v.interval === undefined ? 60_000 : parseDuration(v.interval, "--interval"),
    once: v.once ?? false,
    maxFailedRounds: v["max-failed-rounds"] === undefined ? 5 : positiveInteger(v["max-failed-rounds"], "--max-failed-rounds"),
    check,
    probeRate: v["probe-rate"] === undefined ? 10 : positiveInteger(v["probe-rate"], "--probe-rate"),
    verbose: v.verbose ?? false,
    ...((v.cwd ?? v["work-dir"]) ? { cwd: v.cwd ?? v["work-dir"] } : {}),
    ...(pulumi ? { pulumi } : {}),
  };
  return { kind: "run", args };
}
