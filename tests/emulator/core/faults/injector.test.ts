import assert from "node:assert/strict";
import { FaultConfigError, FaultInjector, validateFaultConfig, type Fault, type FaultConfig } from "../../../../emulator/core/faults";

function draw(injector: FaultInjector, operation: string, times: number): (Fault | undefined)[] {
  return Array.from({ length: times }, () => injector.next(operation));
}

function configured(cfg: FaultConfig, operations?: readonly string[]): FaultInjector {
  const injector = new FaultInjector({ operations });
  injector.configure(cfg);
  return injector;
}

describe("FaultInjector", () => {
  it("injects nothing before it is configured", () => {
    assert.deepEqual(draw(new FaultInjector(), "GetMeeting", 3), [undefined, undefined, undefined]);
  });

  it("fails every call when a rule has neither rate nor count", () => {
    assert.deepEqual(draw(configured({ rules: [{ kind: "serviceFailure" }] }), "CreateMeeting", 3), [
      { kind: "serviceFailure" },
      { kind: "serviceFailure" },
      { kind: "serviceFailure" },
    ]);
  });

  it("fails only the next N calls of the named operation when count is N", () => {
    const injector = configured({ rules: [{ operation: "CreateMeeting", kind: "throttle", count: 2 }] });
    assert.equal(injector.next("GetMeeting"), undefined);
    assert.deepEqual(draw(injector, "CreateMeeting", 3), [{ kind: "throttle" }, { kind: "throttle" }, undefined]);
  });

  it("applies a rule without operation to every operation", () => {
    const injector = configured({ rules: [{ kind: "drop", count: 2 }] });
    assert.deepEqual(
      [injector.next("GetMeeting"), injector.next("TagResource"), injector.next("GetMeeting")],
      [{ kind: "drop" }, { kind: "drop" }, undefined],
    );
  });

  it("carries Retry-After seconds on serviceUnavailable, defaulting to 1", () => {
    const injector = configured({
      rules: [
        { operation: "GetMeeting", kind: "serviceUnavailable", retryAfterSeconds: 7 },
        { operation: "DeleteMeeting", kind: "serviceUnavailable" },
      ],
    });
    assert.deepEqual(injector.next("GetMeeting"), { kind: "serviceUnavailable", retryAfterSeconds: 7 });
    assert.deepEqual(injector.next("DeleteMeeting"), { kind: "serviceUnavailable", retryAfterSeconds: 1 });
  });

  it("returns latency faults with their delay", () => {
    assert.deepEqual(configured({ rules: [{ kind: "latency", ms: 250 }] }).next("ListAttendees"), { kind: "latency", ms: 250 });
  });

  it("tries rules in order and lets the first one that fires win", () => {
    const injector = configured({
      rules: [
        { operation: "CreateMeeting", kind: "throttle", count: 1 },
        { kind: "serviceFailure", count: 1 },
      ],
    });
    assert.deepEqual(draw(injector, "CreateMeeting", 3), [{ kind: "throttle" }, { kind: "serviceFailure" }, undefined]);
  });

  it("fails roughly the configured fraction of calls with a rate", () => {
    const failures = draw(configured({ rules: [{ kind: "throttle", rate: 0.3 }], seed: 7 }), "GetMeeting", 10_000).filter(Boolean).length;
    assert.ok(failures > 2700 && failures < 3300, `expected about 3000 failures, got ${failures}`);
  });

  it("replays exactly the same failures for the same seed and differs for another seed", () => {
    const pattern = (seed: number) =>
      draw(configured({ rules: [{ kind: "throttle", rate: 0.5 }], seed }), "GetMeeting", 64)
        .map((f) => (f ? 1 : 0))
        .join("");
    assert.equal(pattern(42), pattern(42));
    assert.notEqual(pattern(42), pattern(43));
  });

  it("uses a fixed default seed so runs without a seed are reproducible too", () => {
    const pattern = () =>
      draw(configured({ rules: [{ kind: "throttle", rate: 0.5 }] }), "GetMeeting", 64)
        .map(Boolean)
        .join();
    assert.equal(pattern(), pattern());
  });

  it("never fires a rule with rate 0 and combines rate with count as an upper bound", () => {
    assert.equal(draw(configured({ rules: [{ kind: "drop", rate: 0 }] }), "GetMeeting", 100).filter(Boolean).length, 0);
    assert.equal(
      draw(configured({ rules: [{ kind: "drop", rate: 0.5, count: 3 }], seed: 1 }), "GetMeeting", 100).filter(Boolean).length,
      3,
    );
  });

  it("restarts counters and the random sequence when configured again, and stops after clear", () => {
    const injector = configured({ rules: [{ kind: "throttle", count: 1 }] });
    injector.next("GetMeeting");
    injector.configure({ rules: [{ kind: "throttle", count: 1 }] });
    assert.deepEqual(injector.next("GetMeeting"), { kind: "throttle" });
    injector.configure({ rules: [{ kind: "throttle" }] });
    injector.clear();
    assert.equal(injector.next("GetMeeting"), undefined);
  });

  it("reports the rules in force with the firings left", () => {
    const injector = configured({
      rules: [
        { operation: "GetMeeting", kind: "throttle", count: 2 },
        { kind: "latency", ms: 5 },
      ],
      seed: 9,
    });
    injector.next("GetMeeting");
    assert.deepEqual(injector.state(), {
      seed: 9,
      rules: [
        { operation: "GetMeeting", kind: "throttle", count: 2, remaining: 1 },
        { kind: "latency", ms: 5 },
      ],
    });
  });

  it("keeps its configuration when a new one is rejected", () => {
    const injector = configured({ rules: [{ kind: "throttle" }] });
    assert.throws(() => injector.configure({ rules: [{ kind: "throttle", rate: 2 }] }), FaultConfigError);
    assert.deepEqual(injector.next("GetMeeting"), { kind: "throttle" });
  });
});

describe("fault configuration validation", () => {
  const OPERATIONS = ["CreateMeeting", "GetMeeting"];
  const cases: [string, unknown, string[]][] = [
    ["a config that is not an object", "throttle", ['faults: value "throttle" must be an object like {"rules": [...], "seed": 1}']],
    ["missing rules", {}, ["rules: value undefined must be a list of fault rules"]],
    [
      "an unknown kind",
      { rules: [{ kind: "explode" }] },
      ['rules[0].kind: value "explode" must be one of throttle, serviceFailure, serviceUnavailable, drop, latency'],
    ],
    ["a rate above 1", { rules: [{ kind: "throttle", rate: 1.5 }] }, ["rules[0].rate: value 1.5 must be a number from 0 to 1"]],
    ["a negative rate", { rules: [{ kind: "throttle", rate: -0.1 }] }, ["rules[0].rate: value -0.1 must be a number from 0 to 1"]],
    ["a zero count", { rules: [{ kind: "throttle", count: 0 }] }, ["rules[0].count: value 0 must be a positive integer"]],
    ["a fractional count", { rules: [{ kind: "throttle", count: 1.5 }] }, ["rules[0].count: value 1.5 must be a positive integer"]],
    [
      "latency without ms",
      { rules: [{ kind: "latency" }] },
      ["rules[0].ms: value undefined is required with kind latency and must be an integer from 0 to 60000"],
    ],
    [
      "latency above a minute",
      { rules: [{ kind: "latency", ms: 60_001 }] },
      ["rules[0].ms: value 60001 is required with kind latency and must be an integer from 0 to 60000"],
    ],
    ["ms on a non-latency rule", { rules: [{ kind: "drop", ms: 5 }] }, ["rules[0].ms: value 5 is only allowed with kind latency"]],
    [
      "retryAfterSeconds on a throttle",
      { rules: [{ kind: "throttle", retryAfterSeconds: 3 }] },
      ["rules[0].retryAfterSeconds: value 3 is only allowed with kind serviceUnavailable"],
    ],
    [
      "a negative retryAfterSeconds",
      { rules: [{ kind: "serviceUnavailable", retryAfterSeconds: -1 }] },
      ["rules[0].retryAfterSeconds: value -1 must be an integer from 0 to 3600"],
    ],
    [
      "an unknown operation",
      { rules: [{ kind: "throttle", operation: "CreateMeting" }] },
      ['rules[0].operation: value "CreateMeting" must be one of CreateMeeting, GetMeeting'],
    ],
    [
      "an empty operation",
      { rules: [{ kind: "throttle", operation: "" }] },
      ['rules[0].operation: value "" must be an operation name such as "CreateMeeting" (omit it to match every operation)'],
    ],
    [
      "an unknown field",
      { rules: [{ kind: "throttle", probability: 0.5 }] },
      ["rules[0].probability: value 0.5 is not a known field; allowed: operation, kind, rate, count, retryAfterSeconds, ms"],
    ],
    ["a seed that is not an integer", { rules: [], seed: "abc" }, ['seed: value "abc" must be an integer from 0 to 4294967295']],
    ["a rule that is not an object", { rules: [null] }, ["rules[0]: value null must be an object with at least a kind"]],
  ];
  for (const [what, config, messages] of cases) {
    it(`rejects ${what} with a message naming the field, the value and the rule`, () => {
      assert.throws(
        () => new FaultInjector({ operations: OPERATIONS }).configure(config),
        (err: unknown) => err instanceof FaultConfigError && err.message === `Invalid fault configuration: ${messages.join("; ")}`,
      );
    });
  }

  it("reports every broken field of every rule at once", () => {
    const violations = validateFaultConfig({ rules: [{ kind: "latency" }, { kind: "throttle", rate: 3, count: -1 }] });
    assert.deepEqual(
      violations.map((v) => v.path),
      ["rules[0].ms", "rules[1].rate", "rules[1].count"],
    );
  });

  it("rejects more than 100 rules", () => {
    const rules = Array.from({ length: 101 }, () => ({ kind: "throttle" }));
    assert.deepEqual(validateFaultConfig({ rules }), [{ path: "rules", value: 101, rule: "must hold at most 100 rules" }]);
  });

  it("accepts any operation name when no operation list was given", () => {
    assert.deepEqual(validateFaultConfig({ rules: [{ kind: "throttle", operation: "Anything" }], seed: 0 }), []);
  });
});
