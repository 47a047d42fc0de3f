import { LIMITS } from "../../../../chime/limits";
import {
  defaultCapabilities,
  validateAttendee,
  validateAttendeeCount,
  validateCapabilities,
  validateExcludedAttendeeIds,
  validateGuid,
  validateListLength,
  validateMaxResults,
} from "../../../../chime/validate";
import type { AttendeeCapabilities, AttendeeSpec } from "../../../../chime/types";
import { BadRequestException, LimitExceededException, NotFoundException } from "../errors";
import { newGuid } from "./ids";
import type { Meeting } from "./meeting";
import type { MeetingStore } from "./store";
import type { AttendeeError, AttendeeState, AttendeeView, RequestContext, StateChange } from "./types";
import { attendeeView } from "./views";

/** Default page size of ListAttendees (UNCONFIRMED, docs/EMULATOR.md). */
const LIST_ATTENDEES_DEFAULT_PAGE = 10;

/** Splits a batch into valid specs and per-item errors (invalid items never fail the whole call). */
export function triageAttendees(m: Pick<Meeting, "state">, specs: AttendeeSpec[], path: string) {
  const valid: AttendeeSpec[] = [];
  const errors: AttendeeError[] = [];
  specs.forEach((spec, i) => {
    const violations = validateAttendee(spec, m.state.meetingFeatures, `${path}[${i}]`);
    if (violations.length === 0) valid.push(spec);
    else errors.push({ externalUserId: String(spec?.externalUserId ?? ""), errorCode: "BadRequest", violations });
  });
  return { valid, errors };
}

/** The meeting must still have room: MaxCount, 25 with FHD/UHD, 250 (same ExternalUserId = same attendee). */
export function checkCapacity(
  m: Pick<Meeting, "state" | "attendees" | "attendeeByExternalUserId">,
  specs: AttendeeSpec[],
  path: string,
): void {
  const fresh = new Set(specs.map((s) => s.externalUserId).filter((id) => !m.attendeeByExternalUserId(id)));
  const violations = validateAttendeeCount(m.attendees.size + fresh.size, m.state.meetingFeatures, path);
  if (violations.length > 0) throw new LimitExceededException(violations);
}

/**
 * Plans the attendees of a create without changing anything: the existing attendee for a repeated ExternalUserId
 * (the API documents it as an idempotency token), else a new one. `fresh` are the ones to journal and announce.
 */
export function planAttendees(m: Pick<Meeting, "state" | "attendeeByExternalUserId">, specs: AttendeeSpec[]) {
  const states: AttendeeState[] = [];
  const fresh: AttendeeState[] = [];
  const planned = new Map<string, AttendeeState>();
  for (const spec of specs) {
    const existing = m.attendeeByExternalUserId(spec.externalUserId) ?? planned.get(spec.externalUserId);
    if (existing) {
      states.push(existing);
      continue;
    }
    const capabilities = spec.capabilities ?? defaultCapabilities(m.state.meetingFeatures);
    const added: AttendeeState = { attendeeId: newGuid(), externalUserId: spec.externalUserId, capabilities, joined: false };
    planned.set(spec.externalUserId, added);
    states.push(added);
    fresh.push(added);
  }
  return { states, fresh };
}

/** Journals and applies the planned new attendees of a live meeting, then records AttendeeAdded for each. */
function addAttendees(store: MeetingStore, m: Meeting, specs: AttendeeSpec[]): AttendeeState[] {
  const { states, fresh } = planAttendees(m, specs);
  store.commit(fresh.map((a): StateChange => ({ kind: "attendee", meetingId: m.id, attendee: a, idleSince: m.state.idleSince })));
  announceAdded(store, m, fresh);
  return states.map((a) => findAttendee(m, a.attendeeId));
}

export function announceAdded(store: MeetingStore, m: Meeting, fresh: AttendeeState[]): void {
  const now = store.now();
  for (const a of fresh) store.events.attendee(m, findAttendee(m, a.attendeeId), "chime:AttendeeAdded", now);
}

function requireValid(violations: ReturnType<typeof validateGuid>): void {
  if (violations.length > 0) throw new BadRequestException(violations);
}

export function findAttendee(m: Meeting, attendeeId: string): AttendeeState {
  const a = m.attendees.get(attendeeId);
  if (!a) throw new NotFoundException(`Attendee ${attendeeId} not found`);
  return a;
}

/** Resolves the meeting path label: a GUID, the meeting live and visible to the caller. */
export function resolve(store: MeetingStore, ctx: RequestContext, meetingId: string): { m: Meeting } {
  requireValid(validateGuid(meetingId, "meetingId"));
  return { m: store.find(meetingId, ctx.controlRegion) };
}

/** Resolves both path labels: GUIDs, the meeting live and visible to the caller, the attendee one of its own. */
function resolveAttendee(
  store: MeetingStore,
  ctx: RequestContext,
  meetingId: string,
  attendeeId: string,
): { m: Meeting; a: AttendeeState } {
  requireValid([...validateGuid(meetingId, "meetingId"), ...validateGuid(attendeeId, "attendeeId")]);
  const m = store.find(meetingId, ctx.controlRegion);
  return { m, a: findAttendee(m, attendeeId) };
}

export function createAttendee(store: MeetingStore, ctx: RequestContext, meetingId: string, spec: AttendeeSpec): AttendeeView {
  const { m } = resolve(store, ctx, meetingId);
  requireValid(validateAttendee(spec, m.state.meetingFeatures, ""));
  checkCapacity(m, [spec], "attendees");
  return attendeeView(store, m, addAttendees(store, m, [spec])[0]);
}

export function batchCreateAttendee(store: MeetingStore, ctx: RequestContext, meetingId: string, specs: AttendeeSpec[]) {
  const { m } = resolve(store, ctx, meetingId);
  requireValid(validateListLength(specs, LIMITS.batchCreateAttendee, "attendees"));
  const { valid, errors } = triageAttendees(m, specs, "attendees");
  checkCapacity(m, valid, "attendees");
  return { attendees: addAttendees(store, m, valid).map((a) => attendeeView(store, m, a)), errors };
}

export function getAttendee(store: MeetingStore, ctx: RequestContext, meetingId: string, attendeeId: string): AttendeeView {
  const { m, a } = resolveAttendee(store, ctx, meetingId, attendeeId);
  return attendeeView(store, m, a);
}

/** NextToken is opaque to callers: the base64url of "<meetingId>:<offset>". */
export function listAttendees(
  store: MeetingStore,
  ctx: RequestContext,
  meetingId: string,
  nextToken: string | undefined,
  maxResults: number | undefined,
): { attendees: AttendeeView[]; nextToken?: string } {
  const { m } = resolve(store, ctx, meetingId);
  requireValid(validateMaxResults(maxResults));
  let offset = 0;
  if (nextToken !== undefined) {
    const [id, n] = Buffer.from(nextToken, "base64url").toString().split(":");
    offset = Number(n);
    if (id !== meetingId || !Number.isInteger(offset) || offset < 0) {
      throw new BadRequestException([
        { path: "nextToken", value: nextToken, rule: "is not a token returned by ListAttendees for this meeting" },
      ]);
    }
  }
  const page = [...m.attendees.values()].slice(offset, offset + (maxResults ?? LIST_ATTENDEES_DEFAULT_PAGE));
  const end = offset + page.length;
  return {
    attendees: page.map((a) => attendeeView(store, m, a)),
    nextToken: end < m.attendees.size ? Buffer.from(`${meetingId}:${end}`).toString("base64url") : undefined,
  };
}

export function deleteAttendee(store: MeetingStore, ctx: RequestContext, meetingId: string, attendeeId: string): void {
  const { m, a } = resolveAttendee(store, ctx, meetingId, attendeeId);
  const now = store.now();
  // The last joined attendee leaving starts the idle timer, as Meeting.setJoined does.
  const idleSince = a.joined && m.joined === 1 ? now : m.state.idleSince;
  store.commit([{ kind: "attendeeDeleted", meetingId, attendeeId, idleSince }]);
  store.events.attendee(m, a, "chime:AttendeeDeleted", now);
}

export function updateAttendeeCapabilities(
  store: MeetingStore,
  ctx: RequestContext,
  meetingId: string,
  attendeeId: string,
  capabilities: AttendeeCapabilities,
): AttendeeView {
  const { m, a } = resolveAttendee(store, ctx, meetingId, attendeeId);
  requireValid(validateCapabilities(capabilities, m.state.meetingFeatures, "capabilities"));
  store.commit([{ kind: "attendee", meetingId, attendee: { ...a, capabilities }, idleSince: m.state.idleSince }]);
  return attendeeView(store, m, findAttendee(m, attendeeId));
}

/** Applies to every attendee except the excluded ones; unknown excluded IDs are ignored (UNCONFIRMED). */
export function batchUpdateAttendeeCapabilitiesExcept(
  store: MeetingStore,
  ctx: RequestContext,
  meetingId: string,
  excludedAttendeeIds: { attendeeId: string }[],
  capabilities: AttendeeCapabilities,
): void {
  const { m } = resolve(store, ctx, meetingId);
  requireValid([
    ...validateExcludedAttendeeIds(excludedAttendeeIds),
    ...validateCapabilities(capabilities, m.state.meetingFeatures, "capabilities"),
  ]);
  const excluded = new Set(excludedAttendeeIds.map((x) => x.attendeeId.toLowerCase()));
  const targets = [...m.attendees.values()].filter((a) => !excluded.has(a.attendeeId));
  store.commit(targets.map((a) => ({ kind: "attendee", meetingId, attendee: { ...a, capabilities }, idleSince: m.state.idleSince })));
}
