import type { Attendee, ChimeSDKMeetingsClient, CreateAttendeeError } from "@aws-sdk/client-chime-sdk-meetings";
import { defaultCapabilities } from "../../chime/features";
import { LIMITS } from "../../chime/limits";
import type { MeetingFeatures } from "../../chime/types";
import { chimeSdk } from "./client";
import type { AttendeeFailure } from "./errors";
import { effectiveCapabilities } from "./plan";
import type { AttendeeInputs, AttendeeOutput } from "./types";
import { fromWireCapabilities, toWireAttendee } from "./wire";

/** Attendees created so far and the ones the service refused. */
export interface AttendeeBatchResult {
  created: AttendeeOutput[];
  failed: AttendeeFailure[];
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function toAttendeeOutput(
  a: Attendee,
  requested: AttendeeInputs | undefined,
  features: MeetingFeatures | undefined,
): AttendeeOutput {
  const capabilities =
    fromWireCapabilities(a.Capabilities) ?? (requested ? effectiveCapabilities(requested, features) : defaultCapabilities(features));
  const out: AttendeeOutput = {
    externalUserId: a.ExternalUserId ?? requested?.externalUserId ?? "",
    attendeeId: a.AttendeeId ?? "",
    capabilities,
  };
  if (a.JoinToken !== undefined) out.joinToken = a.JoinToken;
  return out;
}

export function collectBatch(
  attendees: Attendee[] | undefined,
  errors: CreateAttendeeError[] | undefined,
  requested: AttendeeInputs[],
  features: MeetingFeatures | undefined,
): AttendeeBatchResult {
  const byUser = new Map(requested.map((a) => [a.externalUserId, a]));
  return {
    created: (attendees ?? []).map((a) => toAttendeeOutput(a, byUser.get(a.ExternalUserId ?? ""), features)),
    failed: (errors ?? []).map((e) => ({
      externalUserId: e.ExternalUserId ?? "",
      errorCode: e.ErrorCode ?? "Unknown",
      errorMessage: e.ErrorMessage ?? "",
    })),
  };
}

/**
 * Error codes of per-attendee failures worth one more try. The service does not document the codes
 * (docs/API-NOTES.md#unconfirmed-choices), so throttling and server-side failures are recognised by name.
 */
export function isRetryableAttendeeFailure(f: AttendeeFailure): boolean {
  return /throttl|toomanyrequests|servicefailure|serviceunavailable|internal|timeout|5\d\d/i.test(f.errorCode);
}

/**
 * BatchCreateAttendee in batches of 100; per-attendee errors are collected, not thrown. Results are
 * added to `result` batch by batch, so a caller that catches a failed call still sees the earlier batches.
 */
export async function batchCreateAttendees(
  client: ChimeSDKMeetingsClient,
  meetingId: string,
  attendees: AttendeeInputs[],
  features: MeetingFeatures | undefined,
  result: AttendeeBatchResult = { created: [], failed: [] },
): Promise<AttendeeBatchResult> {
  for (const batch of chunk(attendees, LIMITS.batchCreateAttendee)) {
    const res = await client.send(
      new (chimeSdk().BatchCreateAttendeeCommand)({ MeetingId: meetingId, Attendees: batch.map(toWireAttendee) }),
    );
    const part = collectBatch(res.Attendees, res.Errors, batch, features);
    result.created.push(...part.created);
    result.failed.push(...part.failed);
  }
  return result;
}

/**
 * Retries the retryable failures once, in place: `result.failed` ends up holding what still fails, for
 * the caller to raise.
 */
export async function retryFailedOnce(
  client: ChimeSDKMeetingsClient,
  meetingId: string,
  result: AttendeeBatchResult,
  requested: AttendeeInputs[],
  features: MeetingFeatures | undefined,
): Promise<AttendeeBatchResult> {
  const retryable = result.failed.filter(isRetryableAttendeeFailure);
  if (retryable.length === 0) return result;
  const byUser = new Map(requested.map((a) => [a.externalUserId, a]));
  const again = retryable.map((f) => byUser.get(f.externalUserId)).filter((a): a is AttendeeInputs => a !== undefined);
  result.failed = result.failed.filter((f) => !isRetryableAttendeeFailure(f));
  return batchCreateAttendees(client, meetingId, again, features, result);
}

/** Orders attendees as the inputs list them (the service may answer in any order). */
export function inInputOrder(attendees: AttendeeOutput[], requested: AttendeeInputs[]): AttendeeOutput[] {
  const rank = new Map(requested.map((a, i) => [a.externalUserId, i]));
  return [...attendees].sort(
    (a, b) => (rank.get(a.externalUserId) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.externalUserId) ?? Number.MAX_SAFE_INTEGER),
  );
}
