import type { ChimeBackend } from "../model/backend";
import type { RequestContext } from "../model/types";
import * as W from "./mapping";
import { integer, list, string, type JsonObject } from "./parse";
import type { OperationName } from "./routes";

export interface HandlerInput {
  ctx: RequestContext;
  labels: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: JsonObject;
}

/** A wire response body (an object, or JSON already serialised); undefined for the empty 200/204 answers. */
export type HandlerOutput = Record<string, unknown> | Buffer | void;

type Handler = (b: ChimeBackend, i: HandlerInput) => HandlerOutput;

/** A path label; the routes guarantee every label of the matched URI is present. */
function label(i: HandlerInput, name: "MeetingId" | "AttendeeId"): string {
  const value = i.labels[name];
  if (value === undefined) throw new Error(`route without the {${name}} label`);
  return value;
}

/** A query integer; text that is not one is refused naming the member and the text as sent. */
function integerParam(raw: string | null, name: string): number | undefined {
  if (raw === null) return undefined;
  const n = raw.trim() === "" ? NaN : Number(raw);
  return Number.isInteger(n) ? n : integer(raw, name);
}

// Handlers parse wire → domain (wire/mapping.ts), call the model method of the same name, and serialise back.
// No rules here.
export const HANDLERS: Record<OperationName, Handler> = {
  CreateMeeting: (b, { ctx, body }) => W.meetingResponseJson(b.createMeeting(ctx, W.createMeetingIn(body))),
  CreateMeetingWithAttendees: (b, { ctx, body }) => {
    const r = b.createMeetingWithAttendees(ctx, W.createMeetingWithAttendeesIn(body));
    return { Meeting: W.meetingOut(r.meeting), Attendees: r.attendees.map(W.attendeeOut), Errors: r.errors.map(W.attendeeErrorOut) };
  },
  GetMeeting: (b, i) => W.meetingResponseJson(b.getMeeting(i.ctx, label(i, "MeetingId"))),
  DeleteMeeting: (b, i) => b.deleteMeeting(i.ctx, label(i, "MeetingId")),
  CreateAttendee: (b, i) => ({ Attendee: W.attendeeOut(b.createAttendee(i.ctx, label(i, "MeetingId"), W.attendeeIn(i.body, ""))) }),
  BatchCreateAttendee: (b, i) => {
    const r = b.batchCreateAttendee(i.ctx, label(i, "MeetingId"), W.attendeesIn(i.body.Attendees, "Attendees"));
    return { Attendees: r.attendees.map(W.attendeeOut), Errors: r.errors.map(W.attendeeErrorOut) };
  },
  GetAttendee: (b, i) => ({ Attendee: W.attendeeOut(b.getAttendee(i.ctx, label(i, "MeetingId"), label(i, "AttendeeId"))) }),
  ListAttendees: (b, i) => {
    const r = b.listAttendees(
      i.ctx,
      label(i, "MeetingId"),
      i.query.get("next-token") ?? undefined,
      integerParam(i.query.get("max-results"), "MaxResults"),
    );
    return { Attendees: r.attendees.map(W.attendeeOut), NextToken: r.nextToken };
  },
  DeleteAttendee: (b, i) => b.deleteAttendee(i.ctx, label(i, "MeetingId"), label(i, "AttendeeId")),
  UpdateAttendeeCapabilities: (b, i) => ({
    Attendee: W.attendeeOut(
      b.updateAttendeeCapabilities(
        i.ctx,
        label(i, "MeetingId"),
        label(i, "AttendeeId"),
        W.capabilitiesIn(i.body.Capabilities, "Capabilities"),
      ),
    ),
  }),
  BatchUpdateAttendeeCapabilitiesExcept: (b, i) =>
    b.batchUpdateAttendeeCapabilitiesExcept(
      i.ctx,
      label(i, "MeetingId"),
      W.excludedIdsIn(i.body.ExcludedAttendeeIds, "ExcludedAttendeeIds"),
      W.capabilitiesIn(i.body.Capabilities, "Capabilities"),
    ),
  StartMeetingTranscription: (b, i) =>
    b.startMeetingTranscription(
      i.ctx,
      label(i, "MeetingId"),
      W.transcriptionIn(i.body.TranscriptionConfiguration, "TranscriptionConfiguration"),
    ),
  StopMeetingTranscription: (b, i) => b.stopMeetingTranscription(i.ctx, label(i, "MeetingId")),
  TagResource: (b, { ctx, body }) => b.tagResource(ctx, string(body.ResourceARN, "ResourceARN"), W.tagsIn(body.Tags, "Tags")),
  UntagResource: (b, { ctx, body }) => b.untagResource(ctx, string(body.ResourceARN, "ResourceARN"), list(string)(body.TagKeys, "TagKeys")),
  ListTagsForResource: (b, { ctx, query }) => ({
    Tags: W.tagsOut(b.listTagsForResource(ctx, string(query.get("arn") ?? undefined, "ResourceARN"))),
  }),
};
