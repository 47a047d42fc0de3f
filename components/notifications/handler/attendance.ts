import type { ChimeMeetingEvent } from "./event";

/** The business step run once per event. Throwing makes the record a batch failure (and retried). */
export interface EventAction {
  handle(event: ChimeMeetingEvent): Promise<void>;
}

export type AttendanceChange = "joined" | "left" | "dropped";

export interface AttendanceEntry {
  meetingId: string;
  attendeeId: string;
  change: AttendanceChange;
  /** Event timestamp, epoch milliseconds. */
  at: number;
}

const CHANGES: Partial<Record<string, AttendanceChange>> = {
  "chime:AttendeeJoined": "joined",
  "chime:AttendeeLeft": "left",
  "chime:AttendeeDropped": "dropped",
};

/** The attendance change an event records, if any. */
export function attendanceEntry(event: ChimeMeetingEvent): AttendanceEntry | undefined {
  const change = CHANGES[event.detail.eventType];
  if (change === undefined || !("attendeeId" in event.detail)) return undefined;
  return { meetingId: event.detail.meetingId, attendeeId: event.detail.attendeeId, change, at: event.detail.timestamp };
}

/**
 * A small attendance log: joined/left/dropped per attendee, with who is present now. `onEntry` forwards each entry
 * (the Lambda logs it); external user ids are left out because they may identify a person.
 */
export class AttendanceLog implements EventAction {
  private readonly log: AttendanceEntry[] = [];

  constructor(private readonly onEntry: (entry: AttendanceEntry) => void | Promise<void> = () => undefined) {}

  async handle(event: ChimeMeetingEvent): Promise<void> {
    const entry = attendanceEntry(event);
    if (entry === undefined) return;
    await this.onEntry(entry);
    this.log.push(entry);
  }

  entries(meetingId?: string): AttendanceEntry[] {
    return this.log.filter((e) => meetingId === undefined || e.meetingId === meetingId);
  }

  /** Attendees whose latest entry (by event time, since deliveries may be out of order) is "joined". */
  present(meetingId: string): string[] {
    const latest = new Map<string, AttendanceEntry>();
    for (const entry of this.entries(meetingId)) {
      const previous = latest.get(entry.attendeeId);
      if (previous === undefined || entry.at >= previous.at) latest.set(entry.attendeeId, entry);
    }
    return [...latest.values()]
      .filter((e) => e.change === "joined")
      .map((e) => e.attendeeId)
      .sort();
  }
}
