import type { Attendee, ChimeSDKMeetingsClient, ListAttendeesResponse, Meeting } from "@aws-sdk/client-chime-sdk-meetings";
import { LIMITS } from "../../chime/limits";
import { toAttendeeOutput } from "./attendees";
import { chimeSdk, isNotFound } from "./client";
import type { AttendeeOutput, MeetingOutputs } from "./types";
import { compact, fromWireFeatures, fromWireMediaPlacement, fromWireTags } from "./wire";

function listAttendeePage(client: ChimeSDKMeetingsClient, meetingId: string, token?: string): Promise<ListAttendeesResponse> {
  const sdk = chimeSdk();
  return client.send(new sdk.ListAttendeesCommand({ MeetingId: meetingId, MaxResults: LIMITS.maxResults.max, NextToken: token }));
}

/** Every attendee of the meeting, from the page after `token` (or the first) to the last. */
export async function listAllAttendees(client: ChimeSDKMeetingsClient, meetingId: string, token?: string): Promise<Attendee[]> {
  const all: Attendee[] = [];
  do {
    const res = await listAttendeePage(client, meetingId, token);
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
 * The meeting as it is now. A meeting's own fields (media placement, features, region, ARN) are fixed at creation:
 * the API has no call that changes them, so a state that holds them needs no GetMeeting. Its refresh is the first
 * ListAttendees page, whose NotFound means the meeting is gone (one call), then the further pages and
 * ListTagsForResource side by side. A list with nobody on it is confirmed with GetMeeting alongside, so that a service
 * answering an empty list for a meeting that ended (docs/API-NOTES.md, "After the end") cannot pass it off as live.
 * NotFound from any of these calls means the meeting is gone, whatever else failed beside it. A state without those
 * fields (an empty ARN from a create whose answer lacked it, or a hand-edited state) is read with GetMeeting first,
 * as an import is (import.ts).
 * When the meeting is gone (ended, deleted, or expired) the stored state is kept, marked `ended`: the resource stays
 * in the state so that the next check() can give its recreation a new generation, and so a new ClientRequestToken
 * (docs/MEETING.md, "When a meeting ends"). A meeting already marked ended is not read again (meeting ids are never
 * reused, so it cannot come back).
 */
export async function readMeeting(client: ChimeSDKMeetingsClient, id: string, props: MeetingOutputs): Promise<MeetingOutputs> {
  if (props.ended === true) return props;
  const sdk = chimeSdk();
  const getMeeting = async () => (await client.send(new sdk.GetMeetingCommand({ MeetingId: id }))).Meeting;
  try {
    const known = Boolean(props.meetingArn && props.mediaPlacement);
    const fetched = known ? undefined : await getMeeting();
    const arn = fetched?.MeetingArn ?? props.meetingArn;
    const first = await listAttendeePage(client, id);
    const nobody = (first.Attendees ?? []).length === 0 && !first.NextToken;
    const pages = first.NextToken ? listAllAttendees(client, id, first.NextToken) : Promise.resolve([]);
    const tags = client.send(new sdk.ListTagsForResourceCommand({ ResourceARN: arn }));
    const meeting = nobody && known ? getMeeting() : Promise.resolve(fetched);
    // All settle before read() returns or throws, so that no call is still in flight.
    const settled = await Promise.allSettled([pages, tags, meeting]);
    if (settled.some((r) => r.status === "rejected" && isNotFound(r.reason))) return { ...props, ended: true };
    const [rest, { Tags }, confirmed] = [await pages, await tags, await meeting];
    return compact({
      ...props,
      ...(confirmed ? fromWireMeeting(confirmed, props) : {}),
      meetingId: confirmed?.MeetingId ?? id,
      meetingArn: arn,
      tags: fromWireTags(Tags),
      attendees: mergeAttendees([...(first.Attendees ?? []), ...rest], props.attendees ?? [], props),
    });
  } catch (err) {
    if (isNotFound(err)) return { ...props, ended: true };
    throw err;
  }
}

/** The fields GetMeeting reports, over the stored ones where it leaves one out. */
function fromWireMeeting(meeting: Meeting, props: MeetingOutputs): Partial<MeetingOutputs> {
  return {
    mediaRegion: meeting.MediaRegion ?? props.mediaRegion,
    externalMeetingId: meeting.ExternalMeetingId ?? props.externalMeetingId,
    meetingFeatures: fromWireFeatures(meeting.MeetingFeatures) ?? props.meetingFeatures,
    primaryMeetingId: meeting.PrimaryMeetingId ?? props.primaryMeetingId,
    tenantIds: meeting.TenantIds && meeting.TenantIds.length > 0 ? meeting.TenantIds : props.tenantIds,
    mediaPlacement: meeting.MediaPlacement ? fromWireMediaPlacement(meeting.MediaPlacement) : props.mediaPlacement,
  };
}
