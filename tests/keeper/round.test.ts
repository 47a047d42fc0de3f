// One keeper round and the loop over rounds, on a fake stack (no CLI): which steps run, what is logged.
import assert from "node:assert/strict";
import { runKeeper } from "../../keeper/loop";
import type { ProbeReport } from "../../keeper/probe";
import { runRound, type Prober, type StackOps } from "../../keeper/round";
import { DYNAMIC_MEETING_TYPE as MEETING_TYPE } from "../../components/meeting/type-tokens";
import { resourceUrn, stackUrn, type Deployment } from "../../keeper/state";

const M = (name: string) => resourceUrn("dev", "chime-meetings", MEETING_TYPE, name);
const RETRY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };
const NOW = new Date("2026-12-02T12:00:00Z");

/**
 * A stack whose refresh marks the meetings in `ending` as ended (kept in the state, as the provider's read does) and
 * whose up replaces targeted meetings with "-2" ids.
 */
class FakeStack implements StackOps {
  readonly stack = "dev";
  readonly project = "chime-meetings";
  calls: string[] = [];
  failures: Error[] = [];
  ending = new Set<string>();
  ids = new Map([
    ["support", "s-1"],
    ["quiet", "q-1"],
  ]);
  marked = new Set<string>();
  meetings: unknown = { support: { mediaRegion: "us-east-1" }, quiet: { mediaRegion: "us-east-1" } };

  private maybeFail(): Promise<void> {
    const err = this.failures.shift();
    return err ? Promise.reject(err) : Promise.resolve();
  }
  exportDeployment(): Promise<Deployment> {
    this.calls.push("export");
    return Promise.resolve({
      resources: [
        { urn: stackUrn("dev", "chime-meetings"), type: "pulumi:pulumi:Stack" },
        ...[...this.ids].map(([name, id]) => ({
          urn: M(name),
          type: MEETING_TYPE,
          id,
          outputs: this.marked.has(name) ? { ended: true } : {},
        })),
      ],
    });
  }
  meetingsConfig() {
    this.calls.push("config");
    return Promise.resolve({ meetings: this.meetings, region: "us-east-1" });
  }
  async refresh(targets: string[]) {
    await this.maybeFail();
    this.calls.push(`refresh ${targets.length}`);
    for (const name of this.ending) this.marked.add(name);
  }
  async up(targets: string[], opts?: { refresh?: boolean }) {
    await this.maybeFail();
    this.calls.push(
      `up${opts?.refresh ? " --refresh" : ""} ${targets
        .map((t) => t.split("::").pop())
        .sort()
        .join(",")}`,
    );
    for (const t of targets) {
      if (!t.includes(MEETING_TYPE)) continue;
      const name = t.split("::").pop()!;
      this.ids.set(name, `${name[0]}-2`);
      this.marked.delete(name);
      this.ending.delete(name);
    }
  }
}

describe("keeper round on a fake stack", () => {
  it("without a prober (--check refresh), a quiet round refreshes every meeting: export, config, refresh, export", async () => {
    const fake = new FakeStack();
    const report = await runRound({ ops: fake, now: NOW, log: () => {}, retry: RETRY });
    assert.deepEqual(fake.calls, ["export", "config", "refresh 2", "export"]);
    assert.equal(report.recreations.length, 0);
  });

  it("recreates exactly the ended meeting and logs old id → new id", async () => {
    const fake = new FakeStack();
    fake.ending.add("support");
    const lines: string[] = [];
    const report = await runRound({ ops: fake, now: NOW, log: (l) => lines.push(l), retry: RETRY });
    assert.deepEqual(fake.calls, ["export", "config", "refresh 2", "export", `up chime-meetings-dev,support`, "export"]);
    assert.deepEqual(lines, ["support: s-1 → s-2"]);
    assert.ok(report.plan.targets.includes(stackUrn("dev", "chime-meetings")));
  });

  it("reports a locked stack, waits and retries instead of breaking the lock", async () => {
    const fake = new FakeStack();
    fake.failures.push(
      Object.assign(new Error("the stack is currently locked by 1 lock(s). x.json: created by root@box (pid 77) at 2026-11-25T22:00:00Z"), {
        name: "ConcurrentUpdateError",
      }),
    );
    const lines: string[] = [];
    await runRound({ ops: fake, now: NOW, log: (l) => lines.push(l), retry: RETRY });
    assert.deepEqual(lines, [
      "refresh: stack dev is locked (held by root@box, pid 77, since 2026-11-25T22:00:00Z); waiting 0s before attempt 2",
    ]);
    assert.ok(fake.calls.includes("refresh 2"));
  });

  it("fails at once, naming the key, when stack config is invalid", async () => {
    const fake = new FakeStack();
    fake.meetings = { support: { mediaRegion: "us-east-1", window: { start: "soon", end: "later" } } };
    await assert.rejects(
      runRound({ ops: fake, now: NOW, log: () => {}, retry: RETRY }),
      /chime-meetings:meetings\.support\.window\.start: value "soon" must be an ISO 8601 date-time/,
    );
    assert.deepEqual(fake.calls, ["export", "config"]);
  });

  it("stops between steps once a signal arrived", async () => {
    const fake = new FakeStack();
    const controller = new AbortController();
    const ops = {
      ...fake,
      stack: fake.stack,
      project: fake.project,
      exportDeployment: async () => {
        controller.abort();
        return fake.exportDeployment();
      },
      meetingsConfig: () => fake.meetingsConfig(),
      refresh: (t: string[]) => fake.refresh(t),
      up: (t: string[]) => fake.up(t),
    };
    const report = await runRound({ ops, now: NOW, log: () => {}, retry: RETRY, signal: controller.signal });
    assert.equal(report.stopped, true);
    assert.deepEqual(fake.calls, ["export"]);
  });
});

/** A prober that reports the fake's `ending` meetings as ended and those in `unknown` as unreadable. */
function fakeProber(fake: FakeStack, unknown: string[] = []): Prober & { seen: string[][] } {
  const seen: string[][] = [];
  const prober = (meetings: Map<string, unknown>): Promise<ProbeReport> => {
    const names = [...meetings.keys()].sort();
    seen.push(names);
    const known = names.filter((n) => !unknown.includes(n));
    return Promise.resolve({
      live: known.filter((n) => !fake.ending.has(n)),
      ended: known.filter((n) => fake.ending.has(n)),
      unknown: unknown.map((name) => ({ name, error: "ThrottlingException: Rate exceeded" })),
      calls: names.length,
      retried: 0,
      ms: 1,
    });
  };
  return Object.assign(prober, { seen });
}

describe("keeper round with the probe", () => {
  it("probes and stops when no meeting ended: no refresh, no up", async () => {
    const fake = new FakeStack();
    const prober = fakeProber(fake);
    const report = await runRound({ ops: fake, now: NOW, log: () => {}, retry: RETRY, prober });
    assert.deepEqual(report.steps, ["export", "config", "probe"]);
    assert.deepEqual(fake.calls, ["export", "config"]);
    assert.deepEqual(prober.seen, [["quiet", "support"]]);
  });

  it("recreates the meetings the probe found ended in one up --refresh targeted at them", async () => {
    const fake = new FakeStack();
    fake.ending.add("support");
    const lines: string[] = [];
    const report = await runRound({ ops: fake, now: NOW, log: (l) => lines.push(l), retry: RETRY, prober: fakeProber(fake) });
    assert.deepEqual(fake.calls, ["export", "config", "up --refresh chime-meetings-dev,support", "export"]);
    assert.deepEqual(report.steps, ["export", "config", "probe", "up", "export"]);
    assert.deepEqual(lines, ["support: s-1 → s-2"]);
    assert.deepEqual(report.probe?.ended, ["support"]);
  });

  it("refreshes the ended meetings first when one is outside its window or no longer declared, then runs a plain up", async () => {
    const fake = new FakeStack();
    fake.ids.set("gone", "g-1");
    fake.meetings = {
      support: { mediaRegion: "us-east-1", window: { start: "2026-11-01T00:00:00Z", end: "2026-11-02T00:00:00Z" } },
      quiet: { mediaRegion: "us-east-1" },
    };
    for (const name of ["support", "gone", "quiet"]) fake.ending.add(name);
    const report = await runRound({ ops: fake, now: NOW, log: () => {}, retry: RETRY, prober: fakeProber(fake) });
    assert.deepEqual([report.plan.ended, report.plan.retired, report.plan.ignored], [["quiet"], ["support"], ["gone"]]);
    // The refresh keeps the retired meeting, marked ended, so the up targets it too (and deletes it without an API call).
    assert.deepEqual(fake.calls, ["export", "config", "refresh 3", "export", "up chime-meetings-dev,quiet,support", "export"]);
  });

  it("refreshes nothing for an undeclared meeting the state already marks ended: later rounds only probe", async () => {
    const fake = new FakeStack();
    fake.ids.set("gone", "g-1");
    fake.marked.add("gone");
    fake.ending.add("gone");
    const report = await runRound({ ops: fake, now: NOW, log: () => {}, retry: RETRY, prober: fakeProber(fake) });
    assert.deepEqual(report.plan.ignored, ["gone"]);
    assert.deepEqual(fake.calls, ["export", "config"]);
  });

  it("recreates, without another refresh, a declared meeting the state already marks ended", async () => {
    const fake = new FakeStack();
    fake.marked.add("support");
    fake.ending.add("support");
    const lines: string[] = [];
    const report = await runRound({ ops: fake, now: NOW, log: (l) => lines.push(l), retry: RETRY, prober: fakeProber(fake) });
    assert.deepEqual(report.plan.ended, ["support"]);
    assert.deepEqual(fake.calls, ["export", "config", "up --refresh chime-meetings-dev,support", "export"]);
    assert.deepEqual(lines, ["support: s-1 → s-2"]);
  });

  it("keeps a meeting whose probe failed (throttling after retries): logged, never treated as ended", async () => {
    const fake = new FakeStack();
    fake.ending.add("support");
    const lines: string[] = [];
    const report = await runRound({ ops: fake, now: NOW, log: (l) => lines.push(l), retry: RETRY, prober: fakeProber(fake, ["support"]) });
    assert.deepEqual(fake.calls, ["export", "config"]);
    assert.deepEqual(report.plan.ended, []);
    assert.deepEqual(lines, ["support: could not be probed, treated as live this round (ThrottlingException: Rate exceeded)"]);
  });

  it("fails the round when no meeting could be probed at all, naming the first error and --check refresh", async () => {
    const fake = new FakeStack();
    await assert.rejects(runRound({ ops: fake, now: NOW, log: () => {}, retry: RETRY, prober: fakeProber(fake, ["quiet", "support"]) }), {
      message:
        "probe: none of the 2 meetings could be read (ThrottlingException: Rate exceeded); check the keeper's AWS credentials, region and endpoint, or use --check refresh",
    });
  });

  it("keeps every meeting of the state when stack config declares none (a program that declares them in code)", async () => {
    const fake = new FakeStack();
    fake.meetings = undefined;
    fake.ending.add("quiet");
    const report = await runRound({ ops: fake, now: NOW, log: () => {}, retry: RETRY, prober: fakeProber(fake) });
    assert.deepEqual(report.plan.ended, ["quiet"]);
    assert.deepEqual(fake.calls.slice(-2), ["up --refresh chime-meetings-dev,quiet", "export"]);
  });

  it("refreshes every meeting, without probing, when the state has pending operations", async () => {
    const fake = new FakeStack();
    const exportDeployment = fake.exportDeployment.bind(fake);
    fake.exportDeployment = async () => ({ ...(await exportDeployment()), pending_operations: [{ type: "creating" }] });
    const prober = fakeProber(fake);
    const report = await runRound({ ops: fake, now: NOW, log: () => {}, retry: RETRY, prober });
    assert.deepEqual(prober.seen, []);
    assert.deepEqual(report.steps.slice(0, 3), ["export", "config", "refresh"]);
    assert.ok(fake.calls.includes("refresh 2"));
  });
});

describe("keeper loop", () => {
  it("gives up with exit code 1 after N consecutive failed rounds, saying why", async () => {
    const fake = new FakeStack();
    fake.failures = Array.from({ length: 20 }, () => new Error("error: connect ECONNREFUSED 127.0.0.1:1"));
    const lines: string[] = [];
    const code = await runKeeper(fake, {
      once: false,
      intervalMs: 1,
      maxFailedRounds: 2,
      now: () => NOW,
      log: (l) => lines.push(l),
      signal: new AbortController().signal,
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    assert.equal(code, 1);
    assert.deepEqual(
      lines.filter((l) => !l.startsWith("next round")),
      [
        "round 1 failed (1 in a row, limit 2): error: connect ECONNREFUSED 127.0.0.1:1",
        "round 2 failed (2 in a row, limit 2): error: connect ECONNREFUSED 127.0.0.1:1",
        "giving up: 2 consecutive rounds failed; the meetings of stack dev are not being kept",
      ],
    );
  });

  it("runs one round with --once and prints its status line", async () => {
    const fake = new FakeStack();
    const lines: string[] = [];
    const code = await runKeeper(fake, {
      once: true,
      intervalMs: 1000,
      maxFailedRounds: 5,
      now: () => NOW,
      log: (l) => lines.push(l),
      signal: new AbortController().signal,
      retry: RETRY,
    });
    assert.equal(code, 0);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^round 1: 2 meetings checked, 0 ended, 0 \(re\)created in \d+\.\ds$/);
  });
});
