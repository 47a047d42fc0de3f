import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "../../components/meeting/meeting";

// The SDK's internal promise wrapper, patched here to see the stack-trace limit each wrapped promise is created under.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of the Pulumi SDK
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
  debuggablePromise: (p: Promise<unknown>, ctx: unknown) => Promise<unknown>;
};

/** The stack-trace limit under which each of the SDK's promises was wrapped while `declare` ran. */
function limitsDuring(declare: () => void): number[] {
  const original = debuggable.debuggablePromise;
  const limits: number[] = [];
  debuggable.debuggablePromise = (p, ctx) => {
    limits.push(Error.stackTraceLimit);
    return original(p, ctx);
  };
  try {
    declare();
  } finally {
    debuggable.debuggablePromise = original;
  }
  return limits;
}

const ARGS = { mediaRegion: "us-east-1", externalMeetingId: "townhall" };

describe("Meeting registration without the SDK's promise stack traces", () => {
  let savedLimit: number;
  let savedLeaks: string | undefined;

  before(async () => {
    await pulumi.runtime.setMocks(
      { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
      "chime-meetings",
      "stacks",
    );
  });

  beforeEach(() => {
    savedLimit = Error.stackTraceLimit;
    savedLeaks = process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
  });

  afterEach(() => {
    Error.stackTraceLimit = savedLimit;
    if (savedLeaks === undefined) delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
    else process.env.PULUMI_DEBUG_PROMISE_LEAKS = savedLeaks;
  });

  it("wraps every output's promises under a stack-trace limit of 0 and restores the limit afterwards", () => {
    Error.stackTraceLimit = 17;
    const limits = limitsDuring(() => new Meeting("quiet", ARGS));
    // Four promises per output (value, known, secret, dependencies), at least the 18 outputs a Meeting declares.
    assert.ok(limits.length >= 72, `${limits.length} promises`);
    assert.ok(
      limits.every((l) => l === 0),
      `limits seen: ${[...new Set(limits)].join(", ")}`,
    );
    assert.equal(Error.stackTraceLimit, 17);
  });

  it("leaves the limit alone when PULUMI_DEBUG_PROMISE_LEAKS asks for the SDK's leak report", () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "true";
    Error.stackTraceLimit = 17;
    const limits = limitsDuring(() => new Meeting("debugged", ARGS));
    assert.ok(limits.length >= 72);
    assert.ok(limits.every((l) => l === 17));
  });

  it("still gives an error thrown during registration a stack with frames, and restores the limit", () => {
    Error.stackTraceLimit = 17;
    let thrown: unknown;
    try {
      new Meeting("", ARGS);
    } catch (err) {
      thrown = err;
    }
    assert.ok(thrown instanceof Error, String(thrown));
    assert.match(thrown.message, /Missing resource name/);
    assert.match(thrown.stack ?? "", /\n\s+at /);
    assert.equal(Error.stackTraceLimit, 17);
  });
});
