import { createHash } from "node:crypto";
import { LIMITS } from "../../../../chime/limits";
import type { AttendeeSpec, MeetingSpec } from "../../../../chime/types";
import {
  validateClientRequestToken,
  validateControlRegion,
  validateListLength,
  validateMediaPlacementNetworkType,
  validateMediaRegionForControlRegion,
  validateMeeting,
  validateNotificationTargets,
} from "../../../../chime/validate";
import type { Violation } from "../../../../chime/violation";
import { BadRequestException, ConflictException, LimitExceededException } from "../errors";
import { announceAdded, checkCapacity, findAttendee, planAttendees, resolve, triageAttendees } from "./attendees";
import { flat, newGuid } from "./ids";
import { Meeting } from "./meeting";
import type { MeetingStore } from "./store";
import type { AttendeeError, AttendeeView, CreateRequestMemo, MeetingView, RequestContext } from "./types";
import { attendeeView, cachedMeetingView, meetingView } from "./views";

export interface CreateMeetingInput extends MeetingSpec {
  clientRequestToken: string;
  mediaPlacementNetworkType?: string;
}

export interface CreateMeetingWithAttendeesInput extends CreateMeetingInput {
  attendees: AttendeeSpec[];
}

export interface CreateMeetingWithAttendeesResult {
  meeting: MeetingView;
  attendees: AttendeeView[];
  errors: AttendeeError[];
}

export function createMeeting(store: MeetingStore, ctx: RequestContext, input: CreateMeetingInput): MeetingView {
  checkCreate(ctx, input, []);
  const fingerprint = fingerprintOf("CreateMeeting", input);
  const replay = replayOf(store, ctx, input.clientRequestToken, fingerprint);
  if (replay) return cachedMeetingView(store, replay);
  const m = newMeeting(store, ctx, input, { token: input.clientRequestToken, fingerprint });
  return meetingView(store, store.insert(m.snapshot()));
}

export function createMeetingWithAttendees(
  store: MeetingStore,
  ctx: RequestContext,
  input: CreateMeetingWithAttendeesInput,
): CreateMeetingWithAttendeesResult {
  checkCreate(ctx, input, validateListLength(input.attendees, LIMITS.createWithAttendeesBatch, "attendees"));
  const fingerprint = fingerprintOf("CreateMeetingWithAttendees", input);
  const replay = replayOf(store, ctx, input.clientRequestToken, fingerprint);
  if (replay) {
    const memo = replay.state.request;
    const attendees = (memo?.attendeeIds ?? []).flatMap((id) => {
      const a = replay.attendees.get(id);
      return a ? [attendeeView(store, replay, a)] : [];
    });
    return { meeting: meetingView(store, replay), attendees, errors: memo?.errors ?? [] };
  }
  const memo: CreateRequestMemo = { token: input.clientRequestToken, fingerprint };
  // Planned on a meeting nobody can see yet, then made durable in one record with its attendees.
  const draft = newMeeting(store, ctx, input, memo);
  const { valid, errors } = triageAttendees(draft, input.attendees, "attendees");
  checkCapacity(draft, valid, "attendees");
  const { states, fresh } = planAttendees(draft, valid);
  memo.attendeeIds = states.map((a) => a.attendeeId);
  memo.errors = errors;
  const m = store.insert({ ...draft.snapshot(), attendees: fresh });
  announceAdded(store, m, fresh);
  const attendees = states.map((a) => attendeeView(store, m, findAttendee(m, a.attendeeId)));
  return { meeting: meetingView(store, m), attendees, errors };
}

export function getMeeting(store: MeetingStore, ctx: RequestContext, meetingId: string): MeetingView {
  return cachedMeetingView(store, resolve(store, ctx, meetingId).m);
}

/** Ends the meeting (and its replicas). An unknown or ended meeting is NotFound (UNCONFIRMED, docs/API-NOTES.md#unconfirmed-choices). */
export function deleteMeeting(store: MeetingStore, ctx: RequestContext, meetingId: string): void {
  store.end(resolve(store, ctx, meetingId).m);
}

function checkCreate(ctx: RequestContext, input: CreateMeetingInput, extra: Violation[]): void {
  const violations = [
    ...validateControlRegion(ctx.controlRegion),
    ...validateClientRequestToken(input.clientRequestToken),
    ...validateMeeting(input),
    ...validateMediaPlacementNetworkType(input.mediaPlacementNetworkType),
    ...extra,
  ];
  if (violations.length === 0) {
    violations.push(...validateMediaRegionForControlRegion(input.mediaRegion, ctx.controlRegion));
    if (input.notificationsConfiguration) {
      violations.push(...validateNotificationTargets(input.notificationsConfiguration, ctx.controlRegion));
    }
  }
  if (violations.length > 0) throw new BadRequestException(violations);
}

function fingerprintOf(operation: string, input: CreateMeetingInput): string {
  const { clientRequestToken: _token, ...rest } = input;
  // Tags are a set: the same tags in another order are the same request.
  if (rest.tags) rest.tags = [...rest.tags].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return flat(createHash("sha256").update(operation).update(JSON.stringify(rest)).digest("base64url").slice(0, 22));
}

/** Same ClientRequestToken (in the same API region) while the meeting lives → the same meeting. */
function replayOf(store: MeetingStore, ctx: RequestContext, token: string, fingerprint: string): Meeting | undefined {
  const existing = store.meetingForToken(ctx.controlRegion, token);
  if (!existing) return undefined;
  if (existing.state.request?.fingerprint !== fingerprint) {
    throw new ConflictException(`ClientRequestToken ${token} was already used with different parameters`);
  }
  return existing;
}

function newMeeting(store: MeetingStore, ctx: RequestContext, input: CreateMeetingInput, request: CreateRequestMemo): Meeting {
  if (input.primaryMeetingId !== undefined) checkPrimary(store, ctx, input.primaryMeetingId);
  const now = store.now();
  return new Meeting({
    meetingId: newGuid(),
    externalMeetingId: input.externalMeetingId,
    meetingHostId: input.meetingHostId,
    mediaRegion: input.mediaRegion,
    controlRegion: ctx.controlRegion,
    meetingFeatures: input.meetingFeatures,
    notificationsConfiguration: input.notificationsConfiguration,
    primaryMeetingId: input.primaryMeetingId,
    tenantIds: input.tenantIds ?? [],
    tags: input.tags ?? [],
    createdAt: now,
    idleSince: now,
    request,
  });
}

/** Replica rules (docs/API-NOTES.md#replica-meetings): the primary exists and is not itself a replica; at most 4 replicas. */
function checkPrimary(store: MeetingStore, ctx: RequestContext, primaryId: string): void {
  const primary = store.peek(primaryId);
  if (!primary || primary.state.controlRegion !== ctx.controlRegion) {
    throw new BadRequestException([{ path: "primaryMeetingId", value: primaryId, rule: "must be the MeetingId of a live meeting" }]);
  }
  if (primary.isReplica) {
    throw new BadRequestException([{ path: "primaryMeetingId", value: primaryId, rule: "must not be a replica meeting" }]);
  }
  if (store.replicaCount(primaryId) >= LIMITS.replicasPerPrimary) {
    throw new LimitExceededException(`Primary meeting ${primaryId} already has ${LIMITS.replicasPerPrimary} replica meetings`);
  }
}
