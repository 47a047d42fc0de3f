import type { AttendeeCapabilities, AttendeeSpec, Tag, TranscriptionConfiguration } from "../../../../chime/types";
import * as admin from "./admin";
import * as attendees from "./attendees";
import { EventLog } from "./events";
import * as meetings from "./meetings";
import { MeetingStore } from "./store";
import * as tags from "./tags";
import * as transcription from "./transcription";
import type { ChangeSink, ModelClock, RequestContext, StateChange, TokenMinter } from "./types";

export interface BackendOptions {
  accountId: string;
  lifecycle: boolean;
  clock: ModelClock;
  minter: TokenMinter;
  /** Keeps every change before it is applied (the journal of a data directory); in memory when absent. */
  sink?: ChangeSink;
  /** Changes kept by an earlier run, replayed before the first request. */
  saved?: readonly StateChange[];
}

type Ctx = RequestContext;

/**
 * The Chime SDK Meetings model: one method per API operation (same names as the API) plus the admin
 * transitions. Knows nothing about HTTP or files; takes and returns camelCase domain values.
 */
export class ChimeBackend {
  readonly store: MeetingStore;
  readonly events: EventLog;

  constructor(o: BackendOptions) {
    this.events = new EventLog(o.accountId);
    this.store = new MeetingStore({
      accountId: o.accountId,
      lifecycle: o.lifecycle,
      clock: o.clock,
      events: this.events,
      minter: o.minter,
      sink: o.sink,
    });
    if (o.saved) this.store.replay(o.saved);
  }

  createMeeting(ctx: Ctx, input: meetings.CreateMeetingInput) {
    return meetings.createMeeting(this.store, ctx, input);
  }
  createMeetingWithAttendees(ctx: Ctx, input: meetings.CreateMeetingWithAttendeesInput) {
    return meetings.createMeetingWithAttendees(this.store, ctx, input);
  }
  getMeeting(ctx: Ctx, meetingId: string) {
    return meetings.getMeeting(this.store, ctx, meetingId);
  }
  deleteMeeting(ctx: Ctx, meetingId: string) {
    meetings.deleteMeeting(this.store, ctx, meetingId);
  }

  createAttendee(ctx: Ctx, meetingId: string, spec: AttendeeSpec) {
    return attendees.createAttendee(this.store, ctx, meetingId, spec);
  }
  batchCreateAttendee(ctx: Ctx, meetingId: string, specs: AttendeeSpec[]) {
    return attendees.batchCreateAttendee(this.store, ctx, meetingId, specs);
  }
  getAttendee(ctx: Ctx, meetingId: string, attendeeId: string) {
    return attendees.getAttendee(this.store, ctx, meetingId, attendeeId);
  }
  listAttendees(ctx: Ctx, meetingId: string, nextToken?: string, maxResults?: number) {
    return attendees.listAttendees(this.store, ctx, meetingId, nextToken, maxResults);
  }
  deleteAttendee(ctx: Ctx, meetingId: string, attendeeId: string) {
    attendees.deleteAttendee(this.store, ctx, meetingId, attendeeId);
  }
  updateAttendeeCapabilities(ctx: Ctx, meetingId: string, attendeeId: string, capabilities: AttendeeCapabilities) {
    return attendees.updateAttendeeCapabilities(this.store, ctx, meetingId, attendeeId, capabilities);
  }
  batchUpdateAttendeeCapabilitiesExcept(
    ctx: Ctx,
    meetingId: string,
    excludedAttendeeIds: { attendeeId: string }[],
    capabilities: AttendeeCapabilities,
  ) {
    attendees.batchUpdateAttendeeCapabilitiesExcept(this.store, ctx, meetingId, excludedAttendeeIds, capabilities);
  }

  startMeetingTranscription(ctx: Ctx, meetingId: string, config: TranscriptionConfiguration) {
    transcription.startMeetingTranscription(this.store, ctx, meetingId, config);
  }
  stopMeetingTranscription(ctx: Ctx, meetingId: string) {
    transcription.stopMeetingTranscription(this.store, ctx, meetingId);
  }

  tagResource(ctx: Ctx, resourceArn: string, list: Tag[]) {
    tags.tagResource(this.store, ctx, resourceArn, list);
  }
  untagResource(ctx: Ctx, resourceArn: string, keys: string[]) {
    tags.untagResource(this.store, ctx, resourceArn, keys);
  }
  listTagsForResource(ctx: Ctx, resourceArn: string) {
    return tags.listTagsForResource(this.store, ctx, resourceArn);
  }

  // Admin transitions (no API equivalent).
  listMeetings() {
    return admin.listMeetings(this.store);
  }
  expireMeeting(meetingId: string) {
    admin.expireMeeting(this.store, meetingId);
  }
  advanceClock(seconds: unknown) {
    admin.advanceClock(this.store, seconds);
  }
  setAttendeeJoined(meetingId: string, attendeeId: string, joined: boolean) {
    admin.setAttendeeJoined(this.store, meetingId, attendeeId, joined);
  }
  reset() {
    admin.reset(this.store);
  }
  sweep() {
    return this.store.sweep();
  }
  now() {
    return this.store.now();
  }
}
