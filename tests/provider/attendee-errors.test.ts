import assert from "node:assert/strict";
import type { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { isRetryableAttendeeFailure, retryFailedOnce } from "../../components/meeting/attendees";

/**
 * The emulator only refuses attendees for validation reasons, so the retry of throttled per-attendee
 * errors is driven by a scripted client here.
 */
function scriptedClient(responses: unknown[]): { client: ChimeSDKMeetingsClient; sent: unknown[] } {
  const sent: unknown[] = [];
  const client = {
    send: async (command: { input: unknown }) => {
      sent.push(command.input);
      return responses.shift();
    },
  } as unknown as ChimeSDKMeetingsClient;
  return { client, sent };
}

const MEETING = "11111111-2222-3333-4444-555555555555";

describe("Meeting provider per-attendee errors", () => {
  for (const code of ["ThrottlingException", "Throttling", "ServiceFailure", "ServiceUnavailableException"]) {
    it(`retries an attendee refused with ${code}`, () => {
      assert.equal(isRetryableAttendeeFailure({ externalUserId: "a", errorCode: code, errorMessage: "" }), true);
    });
  }

  for (const code of ["BadRequest", "LimitExceeded", "Forbidden"]) {
    it(`does not retry an attendee refused with ${code}`, () => {
      assert.equal(isRetryableAttendeeFailure({ externalUserId: "a", errorCode: code, errorMessage: "" }), false);
    });
  }

  it("retries only the retryable failures, once, and reports what still fails", async () => {
    const { client, sent } = scriptedClient([
      {
        Attendees: [
          {
            ExternalUserId: "bob-1",
            AttendeeId: "b",
            JoinToken: "tb",
            Capabilities: { Audio: "SendReceive", Video: "SendReceive", Content: "SendReceive" },
          },
        ],
        Errors: [{ ExternalUserId: "carol", ErrorCode: "Throttling", ErrorMessage: "slow down" }],
      },
    ]);
    const first = {
      created: [],
      failed: [
        { externalUserId: "bob-1", errorCode: "ThrottlingException", errorMessage: "" },
        { externalUserId: "carol", errorCode: "ThrottlingException", errorMessage: "" },
        { externalUserId: "x", errorCode: "BadRequest", errorMessage: "too short" },
      ],
    };
    const requested = [{ externalUserId: "bob-1" }, { externalUserId: "carol" }, { externalUserId: "x" }];
    const result = await retryFailedOnce(client, MEETING, first, requested, undefined);
    assert.deepEqual(sent, [{ MeetingId: MEETING, Attendees: [{ ExternalUserId: "bob-1" }, { ExternalUserId: "carol" }] }]);
    assert.deepEqual(
      result.created.map((a) => a.externalUserId),
      ["bob-1"],
    );
    assert.deepEqual(
      result.failed.map((e) => `${e.externalUserId}:${e.errorCode}`),
      ["x:BadRequest", "carol:Throttling"],
    );
  });
});
