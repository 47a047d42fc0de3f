import type { StoredMeetingOutputs } from "./stored-outputs";

/**
 * Thrown when the meeting exists but the operation did not finish (e.g. some attendees failed).
 * Pulumi's dynamic-provider host turns an error carrying `id` and `properties` into
 * ErrorResourceInitFailed, so the engine records the meeting (and what was done) instead of
 * orphaning it; the next `pulumi up` completes the rest in place.
 */
export class MeetingPartialFailure extends Error {
  readonly id: string;
  /**
   * The outputs so far: the operations' form, or the state's once stored-outputs.ts has converted them. Not
   * enumerable: they hold the join tokens, and printing the error (util.inspect, a logger) must not show them; the
   * dynamic-provider host reads them by name.
   */
  declare readonly properties: StoredMeetingOutputs & { __provider?: string };
  /** What the engine prints for a partial failure (it shows these instead of the message). */
  readonly reasons: string[];

  constructor(message: string, id: string, properties: StoredMeetingOutputs & { __provider?: string }) {
    super(message);
    this.name = "MeetingPartialFailure";
    this.id = id;
    Object.defineProperty(this, "properties", { value: properties, enumerable: false });
    this.reasons = [message];
  }
}

/** A per-attendee failure reported in the Errors list of CreateMeetingWithAttendees / BatchCreateAttendee. */
export interface AttendeeFailure {
  externalUserId: string;
  errorCode: string;
  errorMessage: string;
}

export function describeAttendeeFailure(f: AttendeeFailure): string {
  return `attendee ${JSON.stringify(f.externalUserId)}: ${f.errorCode}${f.errorMessage ? ` (${f.errorMessage})` : ""}`;
}
