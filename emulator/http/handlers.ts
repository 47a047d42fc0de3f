import type { AttendeeCapabilities, AttendeeSpec, Tag, TranscriptionConfiguration } from "../../chime/types";
import type { RequestContext } from "../model/attendees";
import type { ChimeBackend } from "../model/backend";
import type { CreateMeetingInput, CreateMeetingWithAttendeesInput } from "../model/meetings";
import type { OperationName } from "./routes";
import * as W from "./wire";

export interface HandlerInput {
  ctx: RequestContext;
  labels: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

/** A wire response body (an object, or JSON already serialised); undefined for the empty 200/204 answers. */
export type HandlerOutput = Record<string, unknown> | Buffer | void;

type Handler = (b: ChimeBackend, i: HandlerInput) => HandlerOutput;

/** A query integer; a non-numeric value is passed on as text so validation names it as sent. */
function integerParam(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const n = Number(raw);
  return (raw.trim() !== "" && Number.isFinite(n) ? n : raw) as number;
}

// Handlers parse wire → domain, call the model method of the same name, and serialise back. No rules here:
// the casts only name the shape the model validates at run time.
export const HANDLERS: Record<OperationName, Handler> = {
  CreateMeeting: (b, { ctx, body }) => W.meetingResponseJson(b.createMeeting(ctx, W.createMeetingIn(body) as unknown as CreateMeetingInput)),
  CreateMeetingWithAttendees: (b, { ctx, body }) => {
    const r = b.createMeetingWithAttendees(ctx, W.createMeetingIn(body) as unknown as CreateMeetingWithAttendeesInput);
    return { Meeting: W.meetingOut(r.meeting), Attendees: r.attendees.map(W.attendeeOut), Errors: r.errors.map(W.attendeeErrorOut) };
  },
  GetMeeting: (b, { ctx, labels }) => W.meetingResponseJson(b.getMeeting(ctx, labels.MeetingId)),
  DeleteMeeting: (b, { ctx, labels }) => b.deleteMeeting(ctx, labels.MeetingId),
  CreateAttendee: (b, { ctx, labels, body }) =>
    ({ Attendee: W.attendeeOut(b.createAttendee(ctx, labels.MeetingId, W.attendeeIn(body) as AttendeeSpec)) }),
  BatchCreateAttendee: (b, { ctx, labels, body }) => {
    const r = b.batchCreateAttendee(ctx, labels.MeetingId, W.attendeesIn(body.Attendees) as AttendeeSpec[]);
    return { Attendees: r.attendees.map(W.attendeeOut), Errors: r.errors.map(W.attendeeErrorOut) };
  },
  GetAttendee: (b, { ctx, labels }) => ({ Attendee: W.attendeeOut(b.getAttendee(ctx, labels.MeetingId, labels.AttendeeId)) }),
  ListAttendees: (b, { ctx, labels, query }) => {
    const r = b.listAttendees(ctx, labels.MeetingId, query.get("next-token") ?? undefined, integerParam(query.get("max-results")));
    return { Attendees: r.attendees.map(W.attendeeOut), NextToken: r.nextToken };
  },
  DeleteAttendee: (b, { ctx, labels }) => b.deleteAttendee(ctx, labels.MeetingId, labels.AttendeeId),
  UpdateAttendeeCapabilities: (b, { ctx, labels, body }) => ({
    Attendee: W.attendeeOut(b.updateAttendeeCapabilities(ctx, labels.MeetingId, labels.AttendeeId,
      W.capabilitiesIn(body.Capabilities) as AttendeeCapabilities)),
  }),
  BatchUpdateAttendeeCapabilitiesExcept: (b, { ctx, labels, body }) => b.batchUpdateAttendeeCapabilitiesExcept(ctx, labels.MeetingId,
    W.excludedIdsIn(body.ExcludedAttendeeIds) as { attendeeId: string }[], W.capabilitiesIn(body.Capabilities) as AttendeeCapabilities),
  StartMeetingTranscription: (b, { ctx, labels, body }) =>
    b.startMeetingTranscription(ctx, labels.MeetingId, W.transcriptionIn(body.TranscriptionConfiguration) as TranscriptionConfiguration),
  StopMeetingTranscription: (b, { ctx, labels }) => b.stopMeetingTranscription(ctx, labels.MeetingId),
  TagResource: (b, { ctx, body }) => b.tagResource(ctx, body.ResourceARN as string, W.tagsIn(body.Tags) as Tag[]),
  UntagResource: (b, { ctx, body }) => b.untagResource(ctx, body.ResourceARN as string, body.TagKeys as string[]),
  ListTagsForResource: (b, { ctx, query }) => ({ Tags: W.tagsOut(b.listTagsForResource(ctx, query.get("arn") as string)) }),
};
