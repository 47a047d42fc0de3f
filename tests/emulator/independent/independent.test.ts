import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { startEmulator } from "../../../emulator";
import type { RunningEmulator } from "../../../emulator";
import { requirePythonModules, runPythonJson } from "../../support/python";

const MODEL_CASES = join(__dirname, "model_cases.py");
const RED_TEAM = join(__dirname, "red_team.py");
const ROOT = resolve(__dirname, "../../..");

/** The operations of botocore's chime-sdk-meetings model; the generated cases must cover each one. */
const OPERATIONS = [
  "BatchCreateAttendee",
  "BatchUpdateAttendeeCapabilitiesExcept",
  "CreateAttendee",
  "CreateMeeting",
  "CreateMeetingWithAttendees",
  "DeleteAttendee",
  "DeleteMeeting",
  "GetAttendee",
  "GetMeeting",
  "ListAttendees",
  "ListTagsForResource",
  "StartMeetingTranscription",
  "StopMeetingTranscription",
  "TagResource",
  "UntagResource",
  "UpdateAttendeeCapabilities",
];

const PROBE_GROUPS: Record<string, string> = {
  "admin-host": "the admin API answers only a loopback Host with the emulator's port",
  "admin-origin": "the admin API refuses requests carrying an Origin header",
  "admin-content-type": "admin mutations without Content-Type: application/json are refused and not applied",
  "admin-clock-bounds": "clock/advance inputs out of bounds are refused, neither applied nor journaled",
  "admin-escape": "a malformed percent-escape in an admin path is 400",
  "api-escape": "a malformed percent-escape in a signed API path is a client error, not a 500",
  "admin-reset-clock": "reset sets the clock back to real time",
  "echo-bounded": "a 1 MiB invalid value is refused with a bounded error",
  signing: "lower-case hex signatures only, UNSIGNED-PAYLOAD and mismatched body hashes refused",
  idempotency: "a retried create with its tags in another order is the same meeting",
  "early-refusal": "the signature is checked before a large body is read, and memory stays bounded",
  bind: "a non-loopback bind warns and refuses the default credentials unless allowed",
};

interface ModelCase {
  operation: string;
  expected: string;
  status: number;
  code: string | null;
  message: string | null;
  ok: boolean;
  informational: boolean;
  nothingCreated?: boolean;
}
interface Probe {
  group: string;
  ok: boolean;
  detail: string;
  informational?: boolean;
}

function runJson<T>(args: string[], timeout: number): Promise<Record<string, T>> {
  return runPythonJson<Record<string, T>>(args, { timeout, maxBuffer: 32 << 20 });
}

function describeFailure(id: string, c: ModelCase): string {
  const created = c.nothingCreated === false ? ", and something was created" : "";
  return `${id}: expected ${c.expected}, got ${c.status} ${c.code ?? ""} ${JSON.stringify(c.message ?? "")}${created}`;
}

describe("independent conformance: botocore model cases and red-team probes against the emulator", function () {
  this.timeout(240_000);
  let emulator: RunningEmulator | undefined;
  let cases: Record<string, ModelCase> = {};
  let probes: Record<string, Probe> = {};

  before(async function () {
    await requirePythonModules(this, "boto3, botocore", "independent");
    emulator = await startEmulator({ port: 0, lifecycle: false });
    cases = await runJson<ModelCase>([MODEL_CASES, emulator.url], 120_000);
    probes = await runJson<Probe>([RED_TEAM, emulator.url, ROOT], 180_000);

    const perOperation = OPERATIONS.map((op) => `${op} ${Object.values(cases).filter((c) => c.operation === op).length}`);
    const informational = Object.entries(cases).filter(([, c]) => c.informational);
    console.log(
      `      model cases: ${Object.keys(cases).length} in all (${informational.length} informational): ${perOperation.join(", ")}`,
    );
    for (const [id, c] of informational) console.log(`      informational: ${id} -> ${c.status} ${c.code ?? ""}`);
    const probeInfo = Object.entries(probes).filter(([, p]) => p.informational);
    console.log(`      red-team probes: ${Object.keys(probes).length} in all (${probeInfo.length} informational)`);
    for (const [id, p] of probeInfo) console.log(`      informational: ${id} -> ${p.detail}`);
  });
  after(async () => emulator?.close());

  describe("cases generated from the service model", () => {
    it("cover every operation of the model, each with a baseline and constraint cases", () => {
      const seen = new Set(Object.values(cases).map((c) => c.operation));
      assert.deepEqual([...seen].sort(), [...OPERATIONS].sort());
      for (const op of OPERATIONS) {
        assert.ok(cases[`${op}: baseline`], `${op} has no baseline case`);
        assert.ok(Object.values(cases).filter((c) => c.operation === op).length >= 2, `${op} has no constraint case`);
      }
    });

    for (const op of OPERATIONS) {
      it(`${op}: the baseline succeeds, valid boundary values are not shape errors, and every broken constraint is a 400 naming the member (nothing created)`, () => {
        const mine = Object.entries(cases).filter(([, c]) => c.operation === op && !c.informational);
        assert.ok(mine.length > 0, `no cases for ${op}`);
        const failures = mine.filter(([, c]) => !c.ok).map(([id, c]) => describeFailure(id, c));
        assert.deepEqual(failures, [], `${failures.length} of ${mine.length} ${op} cases disagree:\n${failures.join("\n")}`);
      });
    }
  });

  describe("red-team probes over loopback", () => {
    it("every probe belongs to a known group and every group has probes", () => {
      const groups = new Set(Object.values(probes).map((p) => p.group));
      assert.deepEqual([...groups].sort(), Object.keys(PROBE_GROUPS).sort());
    });

    for (const [group, behaviour] of Object.entries(PROBE_GROUPS)) {
      it(`${group}: ${behaviour}`, () => {
        const mine = Object.entries(probes).filter(([, p]) => p.group === group && p.informational !== true);
        assert.ok(mine.length > 0, `no probes in ${group}`);
        const failures = mine.filter(([, p]) => !p.ok).map(([id, p]) => `${id}: ${p.detail}`);
        assert.deepEqual(failures, [], `${failures.length} of ${mine.length} probes failed:\n${failures.join("\n")}`);
      });
    }
  });
});
