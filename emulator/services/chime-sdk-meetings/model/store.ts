import { meetingArn } from "../../../../chime/arn";
import { NotFoundException, ServiceUnavailableException } from "../errors";
import type { EventLog } from "./events";
import { flat } from "./ids";
import { Meeting } from "./meeting";
import type { ChangeSink, MeetingSnapshot, ModelClock, StateChange, TokenMinter } from "./types";

export interface StoreOptions {
  accountId: string;
  /** false: meetings never end by themselves (only DeleteMeeting or the admin API end them). */
  lifecycle: boolean;
  clock: ModelClock;
  events: EventLog;
  minter: TokenMinter;
  /** Keeps the changes (the journal, with a data directory); absent: in memory only. */
  sink?: ChangeSink;
}

/**
 * The live meetings with their indexes (idempotency tokens, replicas) and the one place where meetings
 * end. Every change is a StateChange that `commit` hands to the sink first and only then applies, with the
 * same code that replays saved changes on start: memory never holds a change the sink refused.
 */
export class MeetingStore {
  readonly accountId: string;
  readonly lifecycle: boolean;
  readonly clock: ModelClock;
  readonly events: EventLog;
  readonly minter: TokenMinter;
  private readonly sink?: ChangeSink;
  private meetings = new Map<string, Meeting>();
  private tokens = new Map<string, string>();
  private replicas = new Map<string, Set<string>>();

  constructor(options: StoreOptions) {
    this.accountId = options.accountId;
    this.lifecycle = options.lifecycle;
    this.clock = options.clock;
    this.events = options.events;
    this.minter = options.minter;
    this.sink = options.sink;
  }

  now(): number {
    return this.clock.now();
  }

  arnOf(m: Meeting): string {
    // The ARN carries the media region (observed samples, docs/API-NOTES.md#arns-and-identifiers; UNCONFIRMED).
    return meetingArn(m.state.mediaRegion, this.accountId, m.id);
  }

  /** A live meeting visible from `controlRegion` (meetings are bound to the API region that created them). */
  find(meetingId: string, controlRegion?: string): Meeting {
    const m = this.peek(meetingId);
    if (!m || (controlRegion !== undefined && m.state.controlRegion !== controlRegion)) {
      throw new NotFoundException(`Meeting ${meetingId} not found`);
    }
    return m;
  }

  /** The meeting if it is still live, ending it first when its time is up. */
  peek(meetingId: string): Meeting | undefined {
    const m = this.meetings.get(meetingId);
    if (!m || !this.lifecycle) return m;
    const primary = m.state.primaryMeetingId;
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
    if (this.lifecycle) this.sweep();
    return [...this.meetings.values()];
  }

  /** A live meeting by id, without the lifecycle check (right after a commit that created or changed it). */
  committed(meetingId: string): Meeting {
    const m = this.meetings.get(meetingId);
    if (!m) throw new Error(`meeting ${meetingId} is not in the store after its commit`);
    return m;
  }

  /** Makes a new meeting (already validated, attendees included) durable, indexes it and records MeetingStarted. */
  insert(snapshot: MeetingSnapshot): Meeting {
    this.commit([{ kind: "meeting", meeting: snapshot }]);
    const m = this.committed(snapshot.meetingId);
    this.events.meeting(m, "chime:MeetingStarted", this.now());
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
    this.commit(ended.map((x): StateChange => ({ kind: "meetingEnded", meetingId: x.id })));
    const now = this.now();
    for (const x of ended) this.events.meeting(x, "chime:MeetingEnded", now);
  }

  /**
   * A meeting whose time is up is gone for every caller. When the sink refuses to keep that, it stays in
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
    if (!this.lifecycle) return 0;
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

  /** Hands `changes` to the sink, then applies them; when the sink refuses (it throws), nothing changes. */
  commit(changes: StateChange[]): void {
    if (changes.length === 0) return;
    this.sink?.persist(changes);
    for (const c of changes) this.apply(c);
  }

  /** Forgets every meeting and the admin clock offset. */
  reset(): void {
    this.commit([{ kind: "reset" }]);
  }

  /** Rebuilds state from saved changes (no events, nothing persisted again). */
  replay(changes: readonly StateChange[]): void {
    for (const c of changes) this.apply(c);
  }

  /** One change per live meeting plus the clock: the whole state, as compaction writes it. */
  snapshotChanges(): StateChange[] {
    const meetings = [...this.meetings.values()].map((m): StateChange => ({ kind: "meeting", meeting: m.snapshot() }));
    return [{ kind: "clock", advancedMs: this.clock.advancedMs }, ...meetings];
  }

  private apply(c: StateChange): void {
    const m = "meetingId" in c ? this.meetings.get(c.meetingId) : undefined;
    switch (c.kind) {
      case "meeting":
        this.index(Meeting.fromSnapshot(c.meeting));
        break;
      case "attendee":
        if (m) {
          m.putAttendee(c.attendee);
          m.state.idleSince = c.idleSince;
        }
        break;
      case "attendeeDeleted":
        if (m) {
          m.removeAttendee(c.attendeeId, 0);
          m.state.idleSince = c.idleSince;
        }
        break;
      case "meetingEnded":
        if (m) this.unindex(m);
        break;
      case "tags":
        if (m) m.state.tags = c.tags;
        break;
      case "transcription":
        if (m) m.state.transcription = c.config;
        break;
      case "clock":
        this.clock.restoreAdvance(c.advancedMs);
        break;
      case "reset":
        this.meetings.clear();
        this.tokens.clear();
        this.replicas.clear();
        this.clock.restoreAdvance(0);
        break;
    }
  }

  private index(m: Meeting): void {
    this.meetings.set(m.id, m);
    const token = m.state.request?.token;
    if (token !== undefined) this.tokens.set(flat(`${m.state.controlRegion}\n${token}`), m.id);
    const primary = m.state.primaryMeetingId;
    if (primary !== undefined) {
      const set = this.replicas.get(primary) ?? new Set<string>();
      set.add(m.id);
      this.replicas.set(primary, set);
    }
  }

  private unindex(m: Meeting): void {
    this.meetings.delete(m.id);
    const token = m.state.request?.token;
    if (token !== undefined) this.tokens.delete(`${m.state.controlRegion}\n${token}`);
    const primary = m.state.primaryMeetingId;
    if (primary !== undefined) this.replicas.get(primary)?.delete(m.id);
    this.replicas.delete(m.id);
  }
}
