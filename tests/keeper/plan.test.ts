// The keeper's pure parts: arguments, what the state says, which URNs a round targets, retries.
import assert from "node:assert/strict";
import { parseArgs, parseDuration } from "../../keeper/args";
import { planRound, recreationLines, type DeclaredMeeting } from "../../keeper/plan";
import { backoffDelay, isStackLocked, lockHolder, summarizeError, withRetry } from "../../keeper/retry";
import { DYNAMIC_MEETING_TYPE as MEETING_TYPE } from "../../components/meeting/type-tokens";
import {
  addressesInState,
  ADDRESS_TYPE,
  dependentsOf,
  meetingsInState,
  resourceUrn,
  stackUrn,
  urnsInState,
  type Deployment,
} from "../../keeper/state";

const urn = (type: string, name: string) => resourceUrn("dev", "chime-meetings", type, name);
const M = (name: string) => urn(MEETING_TYPE, name);
const A = (name: string) => urn(ADDRESS_TYPE, `${name}-address`);
const STACK = stackUrn("dev", "chime-meetings");

/** A state with conference (published, with a replica conference-eu), support (published) and quiet. */
const DEPLOYMENT: Deployment = {
  resources: [
    { urn: STACK, type: "pulumi:pulumi:Stack" },
    { urn: M("conference"), type: MEETING_TYPE, id: "c-1", parent: STACK },
    {
      urn: M("conference-eu"),
      type: MEETING_TYPE,
      id: "e-1",
      parent: STACK,
      dependencies: [M("conference")],
      propertyDependencies: { primaryMeetingId: [M("conference")] },
    },
    {
      urn: A("conference"),
      type: ADDRESS_TYPE,
      id: "/chime-meetings/dev/conference",
      parent: STACK,
      dependencies: [M("conference")],
      outputs: { value: '{"MeetingId":"c-1"}' },
    },
    { urn: M("support"), type: MEETING_TYPE, id: "s-1", parent: STACK },
    {
      urn: A("support"),
      type: ADDRESS_TYPE,
      id: "/chime-meetings/dev/support",
      parent: STACK,
      propertyDependencies: { value: [M("support")] },
      outputs: { value: '{"MeetingId":"s-1"}' },
    },
    { urn: M("quiet"), type: MEETING_TYPE, id: "q-1", parent: STACK },
  ],
};

const DECLARED: DeclaredMeeting[] = [
  { name: "conference", phase: "active", publish: true },
  { name: "conference-eu", phase: "active", primary: "conference" },
  { name: "support", phase: "active", publish: true },
  { name: "quiet", phase: "active" },
];

function without(names: string[]) {
  const all = meetingsInState(DEPLOYMENT);
  for (const n of names) all.delete(n);
  return all;
}

function plan(afterDropping: string[], declared = DECLARED, afterAddresses = addressesInState(DEPLOYMENT)) {
  const afterUrns = urnsInState(DEPLOYMENT);
  for (const n of afterDropping) afterUrns.delete(M(n));
  return planRound({
    stack: "dev",
    project: "chime-meetings",
    declared,
    before: DEPLOYMENT,
    beforeMeetings: meetingsInState(DEPLOYMENT),
    afterMeetings: without(afterDropping),
    afterUrns,
    afterAddresses,
  });
}

describe("keeper arguments", () => {
  const DEFAULTS = { intervalMs: 60_000, once: false, maxFailedRounds: 5, check: "probe", probeRate: 10, verbose: false };
  it("reads --flag value and --flag=value alike", () => {
    assert.deepEqual(parseArgs(["--stack", "dev", "--interval", "5m", "--once", "--max-failed-rounds=3", "--cwd=/srv/infra"]), {
      kind: "run",
      args: { ...DEFAULTS, stack: "dev", intervalMs: 300_000, once: true, maxFailedRounds: 3, cwd: "/srv/infra" },
    });
    assert.deepEqual(parseArgs(["--stack=local"]), { kind: "run", args: { ...DEFAULTS, stack: "local" } });
  });

  it("keeps --work-dir as an alias of --cwd", () => {
    assert.deepEqual(parseArgs(["--stack", "dev", "--work-dir", "proj"]), {
      kind: "run",
      args: { ...DEFAULTS, stack: "dev", cwd: "proj" },
    });
  });

  it("reads --check, --probe-rate and --pulumi, and the pulumi path from CHIME_MEETINGS_PULUMI", () => {
    assert.deepEqual(parseArgs(["--stack", "dev", "--check", "refresh", "--probe-rate", "4", "--pulumi", "/opt/pulumi/bin/pulumi"]), {
      kind: "run",
      args: { ...DEFAULTS, stack: "dev", check: "refresh", probeRate: 4, pulumi: "/opt/pulumi/bin/pulumi" },
    });
    assert.deepEqual(parseArgs(["--stack", "dev"], { CHIME_MEETINGS_PULUMI: "/x/pulumi" }), {
      kind: "run",
      args: { ...DEFAULTS, stack: "dev", pulumi: "/x/pulumi" },
    });
  });

  it("answers --help and --version before checking anything else", () => {
    assert.deepEqual(parseArgs(["--help"]), { kind: "help" });
    assert.deepEqual(parseArgs(["-h", "--stack", "dev"]), { kind: "help" });
    assert.deepEqual(parseArgs(["--version"]), { kind: "version" });
  });

  const bad: [string[], string][] = [
    [[], "--stack: is required (e.g. --stack dev; see --help)"],
    [["--stack", "dev", "--interval", "soon"], '--interval: value "soon" must be a duration such as 30s, 5m or 1h'],
    [["--stack", "dev", "--interval", "10ms"], '--interval: value "10ms" must be at least 1s'],
    [["--stack", "dev", "--max-failed-rounds", "0"], '--max-failed-rounds: value "0" must be a positive integer'],
    [["--stack", "dev", "--check", "fast"], '--check: value "fast" must be probe or refresh'],
    [["--stack", "dev", "--probe-rate", "2.5"], '--probe-rate: value "2.5" must be a positive integer'],
    [["--stack", "--once"], "--stack: needs a value"],
    [["--stack"], "--stack: needs a value"],
    [["--stack", "dev", "--once=yes"], "--once: takes no value"],
    [["--stack", "dev", "--forever"], "--forever: unknown option (see --help)"],
    [["--stack", "dev", "extra"], '"extra": unexpected argument (options take the form --name value or --name=value)'],
    [["--stack", "dev", "--cwd", "a", "--work-dir", "b"], "--work-dir: is an alias of --cwd; give one of them"],
    [["--stack", `${"x".repeat(70)}!`], `--stack: value "${"x".repeat(57)}..." must be a stack name (letters, digits, _ . - /)`],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${JSON.stringify(argv.join(" "))} naming the option`, () =>
      assert.throws(() => parseArgs(argv), { name: "UsageError", message }));
  }

  it("reads durations in ms, s, m, h and bare seconds", () => {
    assert.deepEqual(
      ["1500ms", "90s", "2m", "1h", "45"].map((d) => parseDuration(d, "--interval")),
      [1500, 90_000, 120_000, 3_600_000, 45_000],
    );
  });
});

describe("keeper state reading", () => {
  it("lists live meetings by name, skipping the old half of a replacement", () => {
    const replacing: Deployment = {
      resources: [...DEPLOYMENT.resources!, { urn: M("quiet"), type: MEETING_TYPE, id: "q-0", parent: STACK, delete: true }],
    };
    assert.deepEqual(
      [...meetingsInState(replacing)].map(([n, m]) => [n, m.id]),
      [
        ["conference", "c-1"],
        ["conference-eu", "e-1"],
        ["support", "s-1"],
        ["quiet", "q-1"],
      ],
    );
  });

  it("reads meetings of the provider plugin's type and inside components too, with the region of each", () => {
    const plugin = "urn:pulumi:dev::team-infra::chime-meetings:index:Meeting::standup";
    const nested = "urn:pulumi:dev::team-infra::acme:Room$pulumi-nodejs:dynamic/chime:Meeting::lobby";
    const d: Deployment = {
      resources: [
        { urn: plugin, type: "chime-meetings:index:Meeting", id: "p-1", outputs: { region: "eu-central-1" } },
        {
          urn: nested,
          type: MEETING_TYPE,
          id: "n-1",
          parent: "urn:pulumi:dev::team-infra::acme:Room::lobby",
          outputs: { region: "us-east-1" },
        },
        { urn: "urn:pulumi:dev::team-infra::aws:sqs/queue:Queue::events", type: "aws:sqs/queue:Queue", id: "q" },
      ],
    };
    assert.deepEqual(
      [...meetingsInState(d)],
      [
        ["standup", { urn: plugin, id: "p-1", region: "eu-central-1" }],
        ["lobby", { urn: nested, id: "n-1", region: "us-east-1" }],
      ],
    );
  });

  it("targets an ended meeting by its own URN from the state (a plugin meeting inside a component)", () => {
    const urnIn = "urn:pulumi:dev::chime-meetings::acme:Room$chime-meetings:index:Meeting::lobby";
    const d: Deployment = {
      resources: [
        { urn: STACK, type: "pulumi:pulumi:Stack" },
        { urn: urnIn, type: "chime-meetings:index:Meeting", id: "l-1" },
      ],
    };
    const p = planRound({
      stack: "dev",
      project: "chime-meetings",
      declared: [{ name: "lobby", phase: "active" }],
      before: d,
      beforeMeetings: meetingsInState(d),
      afterMeetings: new Map(),
      afterUrns: new Set([STACK]),
      afterAddresses: new Map(),
    });
    assert.deepEqual([p.ended, p.targets.sort()], [["lobby"], [STACK, urnIn].sort()]);
  });

  it("finds dependents through dependencies and property dependencies, transitively, but not through the stack parent", () => {
    assert.deepEqual(dependentsOf(DEPLOYMENT, [M("conference")]).sort(), [A("conference"), M("conference-eu")].sort());
    assert.deepEqual(dependentsOf(DEPLOYMENT, [M("support")]), [A("support")]);
    assert.deepEqual(dependentsOf(DEPLOYMENT, [M("quiet")]), []);
  });
});

describe("keeper round plan", () => {
  it("targets nothing when the refresh dropped nothing", () => {
    assert.deepEqual(plan([]), { ended: [], missing: [], retired: [], ignored: [], stale: [], unfinished: [], targets: [] });
  });

  it("targets an ended meeting, its address and the stack, and nothing else", () => {
    const p = plan(["support"]);
    assert.deepEqual(p.ended, ["support"]);
    assert.deepEqual(p.targets.sort(), [M("support"), A("support"), STACK].sort());
  });

  it("targets a meeting the refresh kept in the state marked ended exactly like one it dropped, and reads the mark", () => {
    const marked: Deployment = {
      resources: DEPLOYMENT.resources!.map((r) => (r.urn === M("support") ? { ...r, outputs: { ended: true } } : r)),
    };
    assert.equal(meetingsInState(marked).get("support")?.ended, true);
    assert.equal(meetingsInState(marked).get("quiet")?.ended, undefined);
    const p = planRound({
      stack: "dev",
      project: "chime-meetings",
      declared: DECLARED,
      before: DEPLOYMENT,
      beforeMeetings: meetingsInState(DEPLOYMENT),
      afterMeetings: meetingsInState(marked),
      afterUrns: urnsInState(marked),
      afterAddresses: addressesInState(marked),
    });
    assert.deepEqual([p.ended, p.missing, p.stale], [["support"], [], []]);
    assert.deepEqual(p.targets.sort(), [M("support"), A("support"), STACK].sort());
  });

  it("targets a meeting whose replacement a killed run left half done (the old meeting awaits deletion), so the up finishes it", () => {
    const halfDone: Deployment = {
      resources: [...DEPLOYMENT.resources!, { urn: M("quiet"), type: MEETING_TYPE, id: "q-0", parent: STACK, delete: true }],
    };
    const p = planRound({
      stack: "dev",
      project: "chime-meetings",
      declared: DECLARED,
      before: halfDone,
      beforeMeetings: meetingsInState(halfDone),
      afterMeetings: meetingsInState(halfDone),
      afterUrns: urnsInState(halfDone),
      afterAddresses: addressesInState(halfDone),
    });
    assert.deepEqual([p.ended, p.unfinished], [[], ["quiet"]]);
    assert.deepEqual(p.targets.sort(), [M("quiet"), STACK].sort());
  });

  it("targets an ended primary with its replica and address", () => {
    const p = plan(["conference", "conference-eu"]);
    assert.deepEqual(p.ended, ["conference", "conference-eu"]);
    assert.deepEqual(p.targets.sort(), [M("conference"), M("conference-eu"), A("conference"), STACK].sort());
  });

  it("creates an active meeting missing from the state, with its address", () => {
    const p = plan([], [...DECLARED, { name: "workshop", phase: "active", publish: true }]);
    assert.deepEqual(p.missing, ["workshop"]);
    assert.deepEqual(p.targets.sort(), [M("workshop"), A("workshop"), STACK].sort());
  });

  it("never recreates a meeting outside its window: it retires what is left of it (address) instead", () => {
    const declared = DECLARED.map((d) => (d.name.startsWith("conference") ? { ...d, phase: "after" as const } : d));
    const p = plan(["conference", "conference-eu"], declared);
    assert.deepEqual([p.ended, p.missing, p.retired], [[], [], ["conference", "conference-eu"]]);
    // The dropped meetings are neither in the state nor declared, so only the address (to delete) and the stack are targets.
    assert.deepEqual(p.targets.sort(), [A("conference"), STACK].sort());
  });

  it("retires a live meeting outside its window with its replica and address", () => {
    const declared = DECLARED.map((d) => (d.name.startsWith("conference") ? { ...d, phase: "after" as const } : d));
    const p = plan([], declared);
    assert.deepEqual(p.retired, ["conference", "conference-eu"]);
    assert.deepEqual(p.targets.sort(), [M("conference"), A("conference"), M("conference-eu"), STACK].sort());
  });

  it("leaves an ended meeting that config no longer declares for a full up", () => {
    const p = plan(
      ["quiet"],
      DECLARED.filter((d) => d.name !== "quiet"),
    );
    assert.deepEqual([p.ignored, p.targets], [["quiet"], []]);
  });

  it("republishes an address that names another meeting than the live one (a run killed between the two)", () => {
    const p = plan(
      [],
      DECLARED,
      new Map([
        ["conference", "c-1"],
        ["support", "s-0"],
      ]),
    );
    assert.deepEqual([p.ended, p.stale], [[], ["support"]]);
    assert.deepEqual(p.targets.sort(), [A("support"), STACK].sort());
  });

  it("creates the address of a live published meeting that has none", () => {
    const p = plan([], DECLARED, new Map([["conference", "c-1"]]));
    assert.deepEqual(p.stale, ["support"]);
    assert.ok(p.targets.includes(A("support")));
  });

  it("reads the published MeetingId of each address from the state", () => {
    assert.deepEqual(
      [...addressesInState(DEPLOYMENT)],
      [
        ["conference", "c-1"],
        ["support", "s-1"],
      ],
    );
  });

  it("prints one line per recreation with the old and the new id", () => {
    const after = new Map([["support", { urn: M("support"), id: "s-2" }]]);
    assert.deepEqual(recreationLines(["support", "workshop"], meetingsInState(DEPLOYMENT), after), [
      "support: s-1 → s-2",
      "workshop: (none) → (not created)",
    ]);
  });
});

describe("keeper retries", () => {
  it("backs off exponentially up to a ceiling", () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((n) => backoffDelay(n, 1000, 5000)),
      [1000, 2000, 4000, 5000, 5000],
    );
  });

  it("retries a bounded number of times, then throws the last error", async () => {
    let calls = 0;
    const delays: number[] = [];
    await assert.rejects(
      withRetry(
        () => {
          calls++;
          return Promise.reject(new Error(`boom ${calls}`));
        },
        { attempts: 3, baseDelayMs: 1, maxDelayMs: 2, onRetry: (_e, _a, d) => delays.push(d) },
      ),
      /boom 3/,
    );
    assert.deepEqual([calls, delays], [3, [1, 2]]);
  });

  it("does not retry a permanent error", async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(
        () => {
          calls++;
          return Promise.reject(new TypeError("bad config"));
        },
        { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, isPermanent: (e) => e instanceof TypeError },
      ),
    );
    assert.equal(calls, 1);
  });

  it("recognises a locked stack and names who holds the lock", () => {
    const err = new Error(
      "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n  file:///s/.pulumi/locks/x.json: created by root@box (pid 4242) at 2026-11-25T22:00:00Z",
    );
    assert.equal(isStackLocked(err), true);
    assert.equal(lockHolder(err), "held by root@box, pid 4242, since 2026-11-25T22:00:00Z");
    assert.equal(isStackLocked(new Error("error: update failed")), false);
  });

  it("summarises a CLI failure by its error lines", () => {
    assert.equal(
      summarizeError(new Error("code: 255\nstdout: lots\nstderr: error: update failed\n error: preview failed\n")),
      "error: update failed | error: preview failed",
    );
  });
});
