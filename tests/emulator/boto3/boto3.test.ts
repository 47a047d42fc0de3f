import assert from "node:assert/strict";
import { join } from "node:path";
import { meetingArn } from "../../../chime";
import { EmulatorAdminClient, startEmulator } from "../../../emulator";
import { requirePythonModules, runPythonJson } from "../../support/python";

const SUITE = join(__dirname, "chime_suite.py");
const GUID = /^[a-f0-9]{8}(-[a-f0-9]{4}){3}-[a-f0-9]{12}$/;
const AUDIO_ONLY = { Audio: "SendReceive", Video: "None", Content: "None" };
const LISTEN_ONLY = { Audio: "Receive", Video: "None", Content: "None" };

type Observation = { ok: boolean; code?: string; status?: number; message?: string; retryAfter?: string | null } & Record<string, unknown>;
type Observations = Record<string, Observation>;

async function runSuite(url: string, phase: "api" | "faults"): Promise<Observations> {
  return runPythonJson<Observations>([SUITE, url, phase], { timeout: 120_000, maxBuffer: 4 << 20 });
}

function assertError(o: Observation | undefined, code: string, status: number): void {
  assert.ok(o, "case missing from the suite output");
  assert.equal(o.ok, false, `expected ${code}, got success ${JSON.stringify(o)}`);
  assert.equal(o.code, code, `message: ${o.message}`);
  assert.equal(o.status, status);
}

describe("boto3 (independent client) against the emulator", function () {
  this.timeout(180_000);
  let emulator: { url: string; close(): Promise<void> } | undefined;
  let api: Observations;
  let faults: Observations;

  before(async function () {
    await requirePythonModules(this, "boto3", "boto3");
    emulator = await startEmulator({ port: 0 });
    api = await runSuite(emulator.url, "api");
    const admin = new EmulatorAdminClient(emulator.url);
    await admin.setFaults({
      rules: [
        { operation: "GetMeeting", kind: "throttle", count: 1 },
        { operation: "CreateAttendee", kind: "serviceFailure", count: 1 },
        { operation: "ListTagsForResource", kind: "serviceUnavailable", retryAfterSeconds: 3, count: 1 },
        { operation: "ListAttendees", kind: "throttle", count: 2 },
      ],
    });
    faults = await runSuite(emulator.url, "faults");
    await admin.clearFaults();
  });
  after(async () => emulator?.close());

  describe("all 16 operations", () => {
    it("CreateMeeting returns a GUID, the meeting ARN, a media placement and the requested features", () => {
      const o = api.CreateMeeting;
      assert.match(String(o.meetingId), GUID);
      assert.equal(o.meetingArn, meetingArn("us-east-1", "123456789012", String(o.meetingId)));
      assert.equal(o.mediaRegion, "us-east-1");
      assert.equal(o.hasSignalingUrl, true);
      const features = o.features as { Audio?: { EchoReduction?: string }; Attendee?: { MaxCount?: number } };
      assert.equal(features.Audio?.EchoReduction, "AVAILABLE");
      assert.equal(features.Attendee?.MaxCount, 10);
    });

    it("CreateMeeting repeated with the same ClientRequestToken and parameters returns the same meeting", () => {
      assert.deepEqual(api.CreateMeetingIdempotent, { ok: true, meetingId: api.CreateMeeting.meetingId });
    });

    it("CreateMeeting reusing a ClientRequestToken with other parameters raises ConflictException", () => {
      assertError(api.ConflictException, "ConflictException", 409);
    });

    it("GetMeeting returns the created meeting", () => {
      assert.deepEqual(api.GetMeeting, { ok: true, meetingId: api.CreateMeeting.meetingId });
    });

    it("CreateAttendee returns a GUID, a join token and SendReceive capabilities by default", () => {
      const o = api.CreateAttendee;
      assert.match(String(o.attendeeId), GUID);
      assert.equal(o.hasJoinToken, true);
      assert.deepEqual(o.capabilities, { Audio: "SendReceive", Video: "SendReceive", Content: "SendReceive" });
    });

    it("BatchCreateAttendee creates every attendee without errors", () => {
      assert.deepEqual(api.BatchCreateAttendee, { ok: true, created: 2, errors: [] });
    });

    it("GetAttendee returns the attendee's external user id", () => {
      assert.deepEqual(api.GetAttendee, { ok: true, externalUserId: "user-1" });
    });

    it("ListAttendees pages one attendee at a time by following NextToken", () => {
      const o = api.ListAttendees;
      assert.deepEqual(o.externalUserIds, ["user-1", "user-2", "user-3"]);
      assert.ok(Number(o.pages) >= 3, `pages: ${String(o.pages)}`);
    });

    it("UpdateAttendeeCapabilities returns the attendee with the new capabilities", () => {
      assert.deepEqual(api.UpdateAttendeeCapabilities, { ok: true, capabilities: AUDIO_ONLY });
    });

    it("BatchUpdateAttendeeCapabilitiesExcept updates everyone but the excluded attendee", () => {
      assert.deepEqual(api.BatchUpdateAttendeeCapabilitiesExcept, { ok: true, status: 200 });
      assert.deepEqual(api.CapabilitiesAfterBatchUpdate, {
        ok: true,
        byUser: { "user-1": AUDIO_ONLY, "user-2": LISTEN_ONLY, "user-3": LISTEN_ONLY },
      });
    });

    it("StartMeetingTranscription and StopMeetingTranscription answer 200", () => {
      assert.deepEqual(api.StartMeetingTranscription, { ok: true, status: 200 });
      assert.deepEqual(api.StopMeetingTranscription, { ok: true, status: 200 });
    });

    it("TagResource and UntagResource answer 204 and ListTagsForResource shows the result", () => {
      assert.deepEqual(api.TagResource, { ok: true, status: 204 });
      assert.deepEqual(api.UntagResource, { ok: true, status: 204 });
      assert.deepEqual(api.ListTagsForResource, { ok: true, tags: [{ Key: "env", Value: "test" }] });
    });

    it("DeleteAttendee answers 204 and the attendee is then not found", () => {
      assert.deepEqual(api.DeleteAttendee, { ok: true, status: 204 });
      assertError(api.GetDeletedAttendee, "NotFoundException", 404);
    });

    it("CreateMeetingWithAttendees creates the meeting in the requested media region with its attendees", () => {
      assert.deepEqual(api.CreateMeetingWithAttendees, { ok: true, mediaRegion: "eu-central-1", attendees: 2, errors: [] });
    });

    it("DeleteMeeting answers 204 and the meeting is then not found", () => {
      assert.deepEqual(api.DeleteMeeting, { ok: true, status: 204 });
      assertError(api.GetDeletedMeeting, "NotFoundException", 404);
    });
  });

  describe("error classes", () => {
    it("GetMeeting of an unknown GUID raises NotFoundException naming the meeting", () => {
      assertError(api.NotFoundException, "NotFoundException", 404);
      assert.match(String(api.NotFoundException.message), /not found/i);
    });

    it("a meeting id that is not a GUID raises BadRequestException", () => {
      assertError(api.BadRequestExceptionGuid, "BadRequestException", 400);
    });

    it("an unknown media region raises BadRequestException naming the field", () => {
      assertError(api.BadRequestExceptionRegion, "BadRequestException", 400);
      assert.match(String(api.BadRequestExceptionRegion.message), /mars-north-1/);
    });

    it("content SendReceive without video receive raises BadRequestException", () => {
      assertError(api.BadRequestExceptionCapabilities, "BadRequestException", 400);
    });

    it("tagging beyond 50 tags raises TooManyTagsException", () => {
      assertError(api.TooManyTagsException, "TooManyTagsException", 400);
    });

    it("listing tags of an unknown meeting ARN raises ResourceNotFoundException", () => {
      assertError(api.ResourceNotFoundException, "ResourceNotFoundException", 404);
    });

    it("a request signed with the wrong secret is rejected with InvalidSignatureException", () => {
      assertError(api.WrongSecret, "InvalidSignatureException", 403);
      assert.match(String(api.WrongSecret.message), /^The request signature we calculated does not match the signature you provided/);
    });

    it("a request signed with an unknown access key is rejected with UnrecognizedClientException", () => {
      assertError(api.UnknownAccessKey, "UnrecognizedClientException", 403);
      assert.equal(api.UnknownAccessKey.message, "The security token included in the request is invalid.");
    });
  });

  describe("injected faults", () => {
    it("a throttle fault raises ThrottlingException once, then GetMeeting succeeds", () => {
      assertError(faults.ThrottlingException, "ThrottlingException", 429);
      assert.equal(faults.GetMeetingAfterThrottle.ok, true);
    });

    it("a serviceFailure fault raises ServiceFailureException", () => {
      assertError(faults.ServiceFailureException, "ServiceFailureException", 500);
    });

    it("a serviceUnavailable fault raises ServiceUnavailableException with Retry-After 3", () => {
      assertError(faults.ServiceUnavailableException, "ServiceUnavailableException", 503);
      assert.equal(String(faults.ServiceUnavailableException.retryAfter), "3");
    });

    it("boto3's standard retries recover from two throttled calls on the third attempt", () => {
      assert.deepEqual(faults.RetriesRecover, { ok: true, attendees: 0, attempts: 3 });
    });
  });
});
