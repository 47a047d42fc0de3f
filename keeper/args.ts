/** `npm run keep -- --stack <name> [--interval 60s] [--once] [--max-failed-rounds 5] [--work-dir DIR]` */
export interface KeeperArgs {
  stack: string;
  intervalMs: number;
  once: boolean;
  /** Consecutive failed rounds after which the keeper gives up with a non-zero exit. */
  maxFailedRounds: number;
  /** The Pulumi project directory; @default the repository root. */
  workDir?: string;
  /** Print the engine's own output too. */
  verbose: boolean;
}

export const USAGE = `usage: npm run keep -- --stack <name> [--interval 60s] [--once] [--max-failed-rounds 5] [--work-dir DIR] [--verbose]

Keeps the stack's declared Chime meetings alive: each round refreshes only the Meeting resources and
recreates, in one targeted 'pulumi up', exactly the meetings that ended (with their published addresses
and replicas). --once runs a single round (for cron, CI or Pulumi Deployments).`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const MIN_INTERVAL_MS = 1000;

/** "60s", "5m", "1h", "500ms" or a bare number of seconds → milliseconds. */
export function parseDuration(raw: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(raw.trim());
  if (!m) throw new UsageError(`${flag}: value ${JSON.stringify(raw)} must be a duration such as 30s, 5m or 1h`);
  const ms = Number(m[1]) * UNITS[m[2] ?? "s"];
  if (ms < MIN_INTERVAL_MS) throw new UsageError(`${flag}: value ${JSON.stringify(raw)} must be at least 1s`);
  return ms;
}

function positiveInteger(raw: string, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: value ${JSON.stringify(raw)} must be a positive integer`);
  return n;
}

const STACK_NAME = /^[a-zA-Z0-9_.\-/]+$/;

export function parseArgs(argv: string[]): KeeperArgs {
  const args: Partial<KeeperArgs> = { intervalMs: 60_000, once: false, maxFailedRounds: 5, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith("--") && argv[i].includes("=") ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new UsageError(`${flag}: needs a value`);
      return v;
    };
    switch (flag) {
      case "--stack": args.stack = value(); break;
      case "--interval": args.intervalMs = parseDuration(value(), "--interval"); break;
      case "--once": args.once = true; break;
      case "--max-failed-rounds": args.maxFailedRounds = positiveInteger(value(), "--max-failed-rounds"); break;
      case "--work-dir": args.workDir = value(); break;
      case "--verbose": args.verbose = true; break;
      default: throw new UsageError(`${flag}: unknown option`);
    }
  }
  if (args.stack === undefined) throw new UsageError("--stack: is required (e.g. --stack local or --stack dev)");
  if (!STACK_NAME.test(args.stack)) throw new UsageError(`--stack: value ${JSON.stringify(args.stack)} must be a stack name (letters, digits, _ . - /)`);
  return args as KeeperArgs;
}
