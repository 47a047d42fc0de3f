import type { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { batchCreateAttendees, inInputOrder, retryFailedOnce, type AttendeeBatchResult } from "./attendees";
import { chimeSdk, describeError, isNotFound } from "./client";
import { describeAttendeeFailure, MeetingPartialFailure } from "./errors";
import { withProviderOf } from "./outputs";
import { planAttendees, planTags } from "./plan";
import type { AttendeeOutput, MeetingInputs, MeetingOutputs } from "./types";
import { compact, toWireCapabilities, toWireTags } from "./wire";

/** Mutable progress of an update, so a failure can report exactly what was applied. */
interface Progress {
  tags: Record<string, string>;
  attendees: AttendeeOutput[];
}

function updatedOutputs(olds: MeetingOutputs, news: MeetingInputs, progress: Progress): MeetingOutputs {
  return compact({
    ...olds,
    idempotencySeed: news.idempotencySeed ?? olds.idempotencySeed,
    clientRequestToken: news.clientRequestToken ?? olds.clientRequestToken,
    tags: progress.tags,
    attendees: inInputOrder(progress.attendees, news.attendees ?? []),
  });
}

async function applyTags(client: ChimeSDKMeetingsClient, arn: string, news: MeetingInputs, progress: Progress): Promise<void> {
  const sdk = chimeSdk();
  const plan = planTags(progress.tags, news.tags);
  if (plan.removeKeys.length > 0) {
    await client.send(new sdk.UntagResourceCommand({ ResourceARN: arn, TagKeys: plan.removeKeys }));
    for (const k of plan.removeKeys) delete progress.tags[k];
  }
  if (Object.keys(plan.set).length > 0) {
    await client.send(new sdk.TagResourceCommand({ ResourceARN: arn, Tags: toWireTags(plan.set) ?? [] }));
    Object.assign(progress.tags, plan.set);
  }
}

/** Removes, then re-capabilities, then adds attendees (removing first frees room under MaxCount). */
async function applyAttendees(
  client: ChimeSDKMeetingsClient,
  meetingId: string,
  news: MeetingInputs,
  progress: Progress,
): Promise<string[]> {
  const sdk = chimeSdk();
  const plan = planAttendees(progress.attendees, news.attendees, news.meetingFeatures);
  for (const a of plan.remove) {
    try {
      await client.send(new sdk.DeleteAttendeeCommand({ MeetingId: meetingId, AttendeeId: a.attendeeId }));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    progress.attendees = progress.attendees.filter((x) => x.attendeeId !== a.attendeeId);
  }
  for (const { attendee, capabilities } of plan.updateCapabilities) {
    await client.send(
      new sdk.UpdateAttendeeCapabilitiesCommand({
        MeetingId: meetingId,
        AttendeeId: attendee.attendeeId,
        Capabilities: toWireCapabilities(capabilities),
      }),
    );
    progress.attendees = progress.attendees.map((x) => (x.attendeeId === attendee.attendeeId ? { ...x, capabilities } : x));
  }
  if (plan.add.length === 0) return [];
  // Created attendees join progress.attendees batch by batch, so a failed call still reports them.
  const result: AttendeeBatchResult = { created: progress.attendees, failed: [] };
  await batchCreateAttendees(client, meetingId, plan.add, news.meetingFeatures, result);
  await retryFailedOnce(client, meetingId, result, plan.add, news.meetingFeatures);
  return result.failed.map(describeAttendeeFailure);
}

/**
 * Applies in place what the API can change: tags (TagResource/UntagResource) and attendees (add,
 * remove, capabilities). diff() routes every other change to a replacement. Join tokens of kept
 * attendees come from the old state. A failure part-way reports the applied part as MeetingPartialFailure.
 */
export async function updateMeeting(client: ChimeSDKMeetingsClient, olds: MeetingOutputs, news: MeetingInputs): Promise<MeetingOutputs> {
  const progress: Progress = { tags: { ...(olds.tags ?? {}) }, attendees: [...(olds.attendees ?? [])] };
  const fail = (message: string) =>
    new MeetingPartialFailure(message, olds.meetingId, withProviderOf(updatedOutputs(olds, news, progress), news));
  let refused: string[];
  try {
    await applyTags(client, olds.meetingArn, news, progress);
    refused = await applyAttendees(client, olds.meetingId, news, progress);
  } catch (err) {
    throw fail(`updating meeting ${olds.meetingId} failed part-way: ${describeError(err)}`);
  }
  if (refused.length > 0) {
    throw fail(`meeting ${olds.meetingId}: ${refused.length} attendee(s) were refused: ${refused.join("; ")}`);
  }
  return updatedOutputs(olds, news, progress);
}
