import { meetingArn } from "../../chime/arn";
import { DiskWriteError } from "../durable-write";
import { NotFoundException, ServiceUnavailableException } from "../errors";
import type { Clock } from "./clock";
import type { EventLog } from "./events";
import { flat, type JoinTokenMinter } from "./ids";
import type { Journal, JournalRecord } from "./journal";
import { Meeting, type MeetingSnapshot } from "./meeting";

export interface StoreOptions {
  accountId: string;
  /** false: meetings never end by themselves (only DeleteMeeting or the admin API end them). */
  lifecycle: boolean;
  clock: Clock;
  events: EventLog;
  minter: JoinTokenMinter;
  journal?: Journal;
}

/**
 * The live meetings with their indexes (idempotency tokens, replicas) and the one place where meetings
 * end. Every change is a journal record that `commit` makes durable first and only then applies, with the
 * same code that replays the journal on start: memory never holds a change the disk refused.
 */
export class MeetingStore {
  private meetings = new Map<string, Meeting>();
  private tokens = new Map<string, string>();
  private replicas = new Map<string, Set<string>>();

  constructor(readonly o: StoreOptions) {}

  now(): number {
    return this.o.clock.now();
  }

  arnOf(m: Meeting): string {
    // The ARN carries the media region (observed samples, spec §10; UNCONFIRMED, docs/EMULATOR.md).
    return meetingArn(m.s.mediaRegion, this.o.accountId, m.id);
  }

  /** A live meeting visible from `controlRegion` (meetings are bound to the API region that created them). */
  find(meetingId: string, controlRegion?: string): Meeting {
    const m = this.peek(meetingId);
    if (!m || (controlRegion !== undefined && m.s.controlRegion !== controlRegion)) {
      throw new NotFoundException(`Meeting ${meetingId} not found`);
    }
    return m;
  }

  /** The meeting if it is still live, ending it first when its time is up. */
  peek(meetingId: string): Meeting | undefined {
    const m = this.meetings.get(meetingId);
    if (!m || !this.o.lifecycle) return m;
    const primary = m.s.primaryMeetingId;
    if (primary !== undefined) return this.peek(primary) ? this.meetings.get(meetingId) : undefined;
    if (this.now() < m.deadline()) return m;
    this.endByTime(m);
    return undefined;
  }

  meetingForToken(controlRegion: string, token: string): Meeting | undefined {
    const id = this.tokens.get(`${controlRegion}\n${token}`);
    return id === undefined ? undefined : this.peek(id);
  }

  replicaCount(primaryId: string): number {
    return this.replicas.get(primaryId)?.size ?? 0;
  }

  all(): Meeting[] {
    if (this.o.lifecycle) this.sweep();
    return [...this.meetings.values()];
  }

  /** Makes a new meeting (already validated, attendees included) durable, indexes it and records MeetingStarted. */
  insert(snapshot: MeetingSnapshot): Meeting {
    this.commit([{ t: "meeting", m: snapshot }]);
    const m = this.meetings.get(snapshot.meetingId) as Meeting;
    this.o.events.meeting(m, "chime:MeetingStarted", this.now());
    return m;
  }

  /** Ends a meeting and, when it is a primary, its replicas (MeetingEnded for each). */
  end(m: Meeting): void {
    const ended: Meeting[] = [];
    const visit = (x: Meeting) => {
      if (!this.meetings.has(x.id) || ended.includes(x)) return;
      ended.push(x);
      for (const id of this.replicas.get(x.id) ?? []) {
        const r = this.meetings.get(id);
        if (r) visit(r);
      }
    };
    visit(m);
    this.commit(ended.map((x) => ({ t: "meetingEnded", meetingId: x.id })));
    const now = this.now();
    for (const x of ended) this.o.events.meeting(x, "chime:MeetingEnded", now);
  }

  /**
   * A meeting whose time is up is gone for every caller. When the disk refuses to record that, it stays in
   * memory as it is on disk and is ended on the next look (or on restart, from the same clock and timers).
   */
  private endByTime(m: Meeting): boolean {
    try {
      this.end(m);
      return true;
    } catch (err) {
      if (err instanceof ServiceUnavailableException) return false;
      throw err;
    }
  }

  /** Ends every meeting whose time is up; returns how many ended. */
  sweep(): number {
    if (!this.o.lifecycle) return 0;
    const now = this.now();
    let count = 0;
    for (const m of [...this.meetings.values()]) {
      if (this.meetings.has(m.id) && !m.isReplica && now >= m.deadline()) {
        const before = this.meetings.size;
        if (!this.endByTime(m)) break;
        count += before - this.meetings.size;
      }
    }
    return count;
  }

  /** Journals `records` durably, then applies them; when the disk refuses, nothing changes and the caller gets a 503. */
  commit(records: JournalRecord[]): void {
    if (records.length === 0) return;
    try {
      this.o.journal?.append(records);
    } catch (err) {
      if (!(err instanceof DiskWriteError)) throw err;
      process.stderr.write(`emulator: the journal refused a write, which was not applied: ${err.message}\n`);
      throw new ServiceUnavailableException(
        `The emulator could not write its journal (${err.message}); the change was not applied. Free disk space and retry.`, 1);
    }
    for (const r of records) this.apply(r);
  }

  /** Forgets every meeting and the admin clock offset. */
  reset(): void {
    this.commit([{ t: "reset" }]);
  }

  /** Rebuilds state from journal records (no events, no journaling). */
  replay(records: JournalRecord[]): void {
    for (const r of records) this.apply(r);
  }

  /** One record per live meeting plus the clock: what compaction writes. */
  snapshotRecords(): JournalRecord[] {
    const meetings: JournalRecord[] = [...this.meetings.values()].map((m) => ({ t: "meeting", m: m.snapshot() }));
    return [{ t: "clock", advancedMs: this.o.clock.advancedMs }, ...meetings];
  }

  private apply(r: JournalRecord): void {
    const m = "meetingId" in r ? this.meetings.get(r.meetingId) : undefined;
    switch (r.t) {
      case "meeting": this.index(Meeting.fromSnapshot(r.m)); break;
      case "attendee":
        if (m) {
          m.putAttendee(r.a);
          m.s.idleSince = r.idleSince;
        }
        break;
      case "attendeeDeleted":
        if (m) {
          m.removeAttendee(r.attendeeId, 0);
          m.s.idleSince = r.idleSince;
        }
        break;
      case "meetingEnded": if (m) this.unindex(m); break;
      case "tags": if (m) m.s.tags = r.tags; break;
      case "transcription": if (m) m.s.transcription = r.config; break;
      case "clock": this.o.clock.restoreAdvance(r.advancedMs); break;
      case "reset":
        this.meetings.clear();
        this.tokens.clear();
        this.replicas.clear();
        this.o.clock.restoreAdvance(0);
        break;
    }
  }

  private index(m: Meeting): void {
    this.meetings.set(m.id, m);
    const token = m.s.request?.token;
    if (token !== undefined) this.tokens.set(flat(`${m.s.controlRegion}\n${token}`), m.id);
    const primary = m.s.primaryMeetingId;
    if (primary !== undefined) {
      const set = this.replicas.get(primary) ?? new Set<string>();
      set.add(m.id);
      this.replicas.set(primary, set);
    }
  }

  private unindex(m: Meeting): void {
    this.meetings.delete(m.id);
    const token = m.s.request?.token;
    if (token !== undefined) this.tokens.delete(`${m.s.controlRegion}\n${token}`);
    const primary = m.s.primaryMeetingId;
    if (primary !== undefined) this.replicas.get(primary)?.delete(m.id);
    this.replicas.delete(m.id);
  }
}
