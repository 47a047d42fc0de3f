import type { Attendee, ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { LIMITS } from "../../chime/limits";
import { toAttendeeOutput } from "./attendees";
import { chimeSdk, isNotFound } from "./client";
import type { AttendeeOutput, MeetingOutputs } from "./types";
import { compact, fromWireFeatures, fromWireMediaPlacement, fromWireTags } from "./wire";

export async function listAllAttendees(client: ChimeSDKMeetingsClient, meetingId: string): Promise<Attendee[]> {
  const sdk = chimeSdk();
  const all: Attendee[] = [];
  let token: string | undefined;
  do {
    const res = await client.send(
      new sdk.ListAttendeesCommand({ MeetingId: meetingId, MaxResults: LIMITS.maxResults.max, NextToken: token }),
    );
    all.push(...(res.Attendees ?? []));
    token = res.NextToken;
  } while (token);
  return all;
}

/**
 * Attendees as the service lists them, in the state's order. The join token handed out at creation
 * is kept from the state: ListAttendees may not return one (docs/API-NOTES.md#unconfirmed-choices), and a refresh must not swap
 * the tokens people already use. A token from the list only fills a gap.
 */
function mergeAttendees(listed: Attendee[], known: AttendeeOutput[], props: MeetingOutputs): AttendeeOutput[] {
  const byId = new Map(known.map((a) => [a.attendeeId, a]));
  const merged = listed.map((a) => {
    const previous = byId.get(a.AttendeeId ?? "");
    const out = toAttendeeOutput(a, previous, props.meetingFeatures);
    if (previous?.joinToken !== undefined) out.joinToken = previous.joinToken;
    return out;
  });
  const rank = new Map(known.map((a, i) => [a.attendeeId, i]));
  return merged.sort((a, b) => (rank.get(a.attendeeId) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.attendeeId) ?? Number.MAX_SAFE_INTEGER));
}

/**
 * The meeting as it is now: GetMeeting, then ListAttendees (all pages) and ListTagsForResource side by side.
 * When the meeting is gone (ended, deleted, or expired) the stored state is kept, marked `ended`: the resource stays
 * in the state so that the next check() can give its recreation a new generation, and so a new ClientRequestToken
 * (docs/MEETING.md, "When a meeting ends"). A meeting already marked ended is not read again (meeting ids are never
 * reused, so it cannot come back).
 */
export async function readMeeting(client: ChimeSDKMeetingsClient, id: string, props: MeetingOutputs): Promise<MeetingOutputs> {
  if (props.ended === true) return props;
  const sdk = chimeSdk();
  try {
    const { Meeting: meeting = {} } = await client.send(new sdk.GetMeetingCommand({ MeetingId: id }));
    const arn = meeting.MeetingArn ?? props.meetingArn;
    // GetMeeting first, so that a meeting that is gone costs one call; the two lists of a live one go together.
    const [listed, { Tags }] = await Promise.all([
      listAllAttendees(client, id),
      client.send(new sdk.ListTagsForResourceCommand({ ResourceARN: arn })),
    ]);
    const tenantIds = meeting.TenantIds && meeting.TenantIds.length > 0 ? meeting.TenantIds : props.tenantIds;
    return compact({
      ...props,
      mediaRegion: meeting.MediaRegion ?? props.mediaRegion,
      externalMeetingId: meeting.ExternalMeetingId ?? props.externalMeetingId,
      meetingFeatures: fromWireFeatures(meeting.MeetingFeatures) ?? props.meetingFeatures,
      primaryMeetingId: meeting.PrimaryMeetingId ?? props.primaryMeetingId,
      tenantIds,
      meetingId: meeting.MeetingId ?? id,
      meetingArn: arn,
      mediaPlacement: meeting.MediaPlacement ? fromWireMediaPlacement(meeting.MediaPlacement) : props.mediaPlacement,
      tags: fromWireTags(Tags),
      attendees: mergeAttendees(listed, props.attendees ?? [], props),
    });
  } catch (err) {
    if (isNotFound(err)) return { ...props, ended: true };
    throw err;
  }
}
