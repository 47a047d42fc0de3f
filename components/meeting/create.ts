import type { ChimeSDKMeetingsClient, Meeting as WireMeeting } from "@aws-sdk/client-chime-sdk-meetings";
import { LIMITS } from "../../chime/limits";
import { batchCreateAttendees, collectBatch, inInputOrder, retryFailedOnce, type AttendeeBatchResult } from "./attendees";
import { chimeSdk, describeError } from "./client";
import { describeAttendeeFailure, MeetingPartialFailure } from "./errors";
import { meetingOutputs, withProviderOf } from "./outputs";
import type { AttendeeInputs, MeetingInputs, MeetingOutputs } from "./types";
import { toCreateMeetingRequest, toWireAttendee } from "./wire";

interface FirstCall {
  meeting: WireMeeting;
  batch: AttendeeBatchResult;
}

/** CreateMeetingWithAttendees for the first 20 attendees, or CreateMeeting when there are none: one call. */
async function createMeetingCall(
  client: ChimeSDKMeetingsClient,
  inputs: MeetingInputs,
  token: string,
  first: AttendeeInputs[],
): Promise<FirstCall> {
  const sdk = chimeSdk();
  const request = toCreateMeetingRequest(inputs, token);
  if (first.length === 0) {
    const res = await client.send(new sdk.CreateMeetingCommand(request));
    return { meeting: res.Meeting ?? {}, batch: { created: [], failed: [] } };
  }
  const res = await client.send(new sdk.CreateMeetingWithAttendeesCommand({ ...request, Attendees: first.map(toWireAttendee) }));
  return { meeting: res.Meeting ?? {}, batch: collectBatch(res.Attendees, res.Errors, first, inputs.meetingFeatures) };
}

/**
 * Creates the meeting and its attendees with as few calls as possible: CreateMeetingWithAttendees with
 * up to 20, then BatchCreateAttendee per 100. The idempotency token makes a retried create return the
 * same meeting. Once the meeting exists, any failure is raised as MeetingPartialFailure so the engine
 * records it; per-attendee errors are retried once when retryable and otherwise fail the create.
 */
export async function createMeeting(client: ChimeSDKMeetingsClient, inputs: MeetingInputs, region: string): Promise<MeetingOutputs> {
  const token = inputs.clientRequestToken;
  if (!token) throw new Error("clientRequestToken is missing: check() derives it; call check() before create()");
  const attendees = inputs.attendees ?? [];
  const first = attendees.slice(0, LIMITS.createWithAttendeesBatch);
  const { meeting, batch } = await createMeetingCall(client, inputs, token, first);
  const meetingId = meeting.MeetingId;
  if (!meetingId) throw new Error("CreateMeeting returned no MeetingId");
  const result = batch;
  const snapshot = () => meetingOutputs(inputs, region, meeting, inInputOrder(result.created, attendees), inputs.tags);
  try {
    await batchCreateAttendees(client, meetingId, attendees.slice(first.length), inputs.meetingFeatures, result);
    await retryFailedOnce(client, meetingId, result, attendees, inputs.meetingFeatures);
  } catch (err) {
    throw new MeetingPartialFailure(
      `meeting ${meetingId} was created but adding attendees failed: ${describeError(err)}`,
      meetingId,
      withProviderOf(snapshot(), inputs),
    );
  }
  if (result.failed.length > 0) {
    const reasons = result.failed.map(describeAttendeeFailure);
    throw new MeetingPartialFailure(
      `meeting ${meetingId} was created but ${result.failed.length} attendee(s) were refused: ${reasons.join("; ")}`,
      meetingId,
      withProviderOf(snapshot(), inputs),
    );
  }
  return snapshot();
}
