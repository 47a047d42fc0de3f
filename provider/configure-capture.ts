import { revealProperties } from "./secrets";

/**
 * The provider configuration (stack config `chime-meetings:*`, or an explicit provider's arguments).
 *
 * `@pulumi/pulumi/provider`'s server answers Configure itself and drops the request, so the plugin never sees
 * its configuration through the `Provider` interface; server-hooks.ts hands the request's arguments here.
 */
export class CapturedConfig {
  private values = new Map<string, string>();
  private waiters: (() => void)[] = [];
  private received = false;

  constructor(private readonly pkg: string) {}

  /** `get("chime-meetings:endpoint")`, the shape operations.configured() reads; other packages' keys are absent. */
  get(key: string): string | undefined {
    return key.startsWith(`${this.pkg}:`) ? this.values.get(key.slice(this.pkg.length + 1)) : undefined;
  }

  /** Resolves once the engine has configured the provider (it always does before any resource call). */
  ready(): Promise<void> {
    return this.received ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  record(args: Record<string, unknown> | undefined, variables: Iterable<[string, string]>): void {
    const values = new Map<string, string>();
    // Older engines send only `variables`, keyed "<pkg>:config:<name>" (or "<pkg>:<name>").
    for (const [key, value] of variables) {
      const name = key.replace(new RegExp(`^${this.pkg}:(config:)?`), "");
      if (name !== key) values.set(name, value);
    }
    for (const [name, value] of Object.entries(revealProperties(args).plain)) {
      if (value !== undefined && value !== null) values.set(name, typeof value === "string" ? value : JSON.stringify(value));
    }
    this.values = values;
    this.received = true;
    for (const w of this.waiters.splice(0)) w();
  }
}
