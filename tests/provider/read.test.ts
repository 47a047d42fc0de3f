// readMeeting's answers to what the emulator cannot be made to say: a meeting listed as empty that GetMeeting no
// longer knows, and failures of one call while others are still running. A stub client answers each command.
import assert from "node:assert/strict";
import {
  NotFoundException,
  ResourceNotFoundException,
  ThrottlingException,
  type ChimeSDKMeetingsClient,
} from "@aws-sdk/client-chime-sdk-meetings";
import { LIMITS } from "../../chime/limits";
import { readMeeting } from "../../components/meeting/read";
import { attendee, baseInputs, stateFor } from "./helpers";

type Answer = (input: Record<string, unknown>) => Promise<unknown>;

function stubClient(answers: Record<string, Answer>) {
  const calls: string[] = [];
  let inFlight = 0;
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }): Promise<unknown> {
      const operation = command.constructor.name.replace(/Command$/, "");
      calls.push(operation);
      const answer = answers[operation];
      if (!answer) throw new Error(`unexpected ${operation}`);
      inFlight += 1;
      try {
        return await answer(command.input);
      } finally {
        inFlight -= 1;
      }
    },
  };
  return { client: client as unknown as ChimeSDKMeetingsClient, calls, inFlight: () => inFlight };
}

const metadata = { $metadata: {} };
const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const meetingGone = () => Promise.reject(new NotFoundException({ message: "Meeting not found", ...metadata }));
const throttled = () => Promise.reject(new ThrottlingException({ message: "Rate exceeded", ...metadata }));

describe("readMeeting (stub client)", () => {
  const state = stateFor(baseInputs(), [attendee("alice", "a-1")]);

  it("marks the meeting ended when its attendee list is empty and GetMeeting no longer knows it", async () => {
    const stub = stubClient({
      ListAttendees: async () => ({ Attendees: [] }),
      ListTagsForResource: async () => ({ Tags: [] }),
      GetMeeting: meetingGone,
    });
    const result = await readMeeting(stub.client, state.meetingId, state);
    assert.equal(result.ended, true);
    assert.deepEqual(result.attendees, state.attendees, "the last known attendees and their tokens are kept");
    assert.deepEqual(stub.calls.sort(), ["GetMeeting", "ListAttendees", "ListTagsForResource"]);
  });

  it("marks the meeting ended on a NotFound from the tags, although the GetMeeting beside it was throttled", async () => {
    const stub = stubClient({
      ListAttendees: async () => ({ Attendees: [] }),
      ListTagsForResource: () => Promise.reject(new ResourceNotFoundException({ message: "Resource not found", ...metadata })),
      GetMeeting: throttled,
    });
    assert.equal((await readMeeting(stub.client, state.meetingId, state)).ended, true);
  });

  it("throws a throttled tags call only once the attendee pages beside it have settled", async () => {
    const page = (n: number) => Array.from({ length: n }, (_, i) => ({ AttendeeId: `id-${i}`, ExternalUserId: `user-${i}` }));
    const stub = stubClient({
      ListAttendees: async (input) =>
        input.NextToken ? later(50, { Attendees: page(20) }) : { Attendees: page(LIMITS.maxResults.max), NextToken: "p2" },
      ListTagsForResource: throttled,
    });
    await assert.rejects(readMeeting(stub.client, state.meetingId, state), { name: "ThrottlingException" });
    assert.equal(stub.inFlight(), 0, "no call is still running when read() fails");
    assert.deepEqual(stub.calls.sort(), ["ListAttendees", "ListAttendees", "ListTagsForResource"]);
  });

  it("keeps the stored media placement and ARN and calls no GetMeeting for a meeting with attendees", async () => {
    const stub = stubClient({
      ListAttendees: async () => ({ Attendees: [{ AttendeeId: "a-1", ExternalUserId: "alice" }] }),
      ListTagsForResource: async () => ({ Tags: [{ Key: "team", Value: "comms" }] }),
    });
    const result = await readMeeting(stub.client, state.meetingId, state);
    assert.deepEqual([result.mediaPlacement, result.meetingArn, result.tags], [state.mediaPlacement, state.meetingArn, { team: "comms" }]);
    assert.equal(result.attendees[0]?.joinToken, "token-a-1");
    assert.deepEqual(stub.calls, ["ListAttendees", "ListTagsForResource"]);
  });
});
