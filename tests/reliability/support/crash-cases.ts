// The kill points: each case changes the declared fleet and names the API call at which the CLI dies.
// Cases run in order on one stack, each starting from the converged result of the one before; every
// change is written against whatever the fleet holds, so any subset keeps working.
import type { KillPoint } from "./kill-switch";
import type { DeclaredMeeting } from "./fleet";

export interface CrashCase {
  name: string;
  command: "up" | "destroy";
  change(prev: DeclaredMeeting[]): DeclaredMeeting[];
  point: KillPoint;
  /** Part of the fast subset in `npm test`. */
  fast: boolean;
}

function meeting(name: string, attendees: number, mediaRegion = "us-east-1"): DeclaredMeeting {
  return {
    name,
    externalMeetingId: `crash-${name}`,
    mediaRegion,
    tags: { suite: "crash" },
    attendees: Array.from({ length: attendees }, (_, j) => ({ externalUserId: `${name}-user-${String(j).padStart(3, "0")}` })),
  };
}

const clone = (m: DeclaredMeeting[]): DeclaredMeeting[] => structuredClone(m);

function addUsers(m: DeclaredMeeting, count: number, tag: string): void {
  for (let j = 0; j < count; j++) m.attendees.push({ externalUserId: `${m.name}-${tag}-${String(j).padStart(3, "0")}` });
}

export const CRASH_CASES: CrashCase[] = [
  {
    name: "creates: before the 2nd CreateMeetingWithAttendees",
    command: "up",
    fast: true,
    change: (p) => [...clone(p), meeting("c1a", 3), meeting("c1b", 3), meeting("c1c", 3)],
    point: { operation: "CreateMeetingWithAttendees", occurrence: 2, when: "before" },
  },
  {
    name: "creates: after the 1st CreateMeetingWithAttendees, answer lost",
    command: "up",
    fast: false,
    change: (p) => [...clone(p), meeting("c2a", 4), meeting("c2b", 4)],
    point: { operation: "CreateMeetingWithAttendees", occurrence: 1, when: "after" },
  },
  {
    name: "attendee batch in a create (45 attendees): after the 1st BatchCreateAttendee, answer lost",
    command: "up",
    fast: true,
    change: (p) => [...clone(p), meeting("b1", 45)],
    point: { operation: "BatchCreateAttendee", occurrence: 1, when: "after" },
  },
  {
    name: "attendee batch in a create (30 attendees): before the 1st BatchCreateAttendee",
    command: "up",
    fast: false,
    change: (p) => [...clone(p), meeting("b2", 30)],
    point: { operation: "BatchCreateAttendee", occurrence: 1, when: "before" },
  },
  {
    name: "tag change on every meeting: after the 2nd TagResource, answer lost",
    command: "up",
    fast: false,
    change: (p) => clone(p).map((m) => ({ ...m, tags: { ...m.tags, wave: "two" } })),
    point: { operation: "TagResource", occurrence: 2, when: "after" },
  },
  {
    name: "tag removal: after the 1st UntagResource, answer lost",
    command: "up",
    fast: false,
    change: (p) => clone(p).map((m, i) => (i < 2 ? { ...m, tags: { suite: m.tags?.suite ?? "crash" } } : m)),
    point: { operation: "UntagResource", occurrence: 1, when: "after" },
  },
  {
    name: "attendee add in an update (25 + 2 new): after the 1st BatchCreateAttendee, answer lost",
    command: "up",
    fast: false,
    change: (p) => {
      const next = clone(p);
      addUsers(next[0], 25, "add");
      if (next[1]) addUsers(next[1], 2, "add");
      return next;
    },
    point: { operation: "BatchCreateAttendee", occurrence: 1, when: "after" },
  },
  {
    name: "attendee removal in an update: after the 2nd DeleteAttendee, answer lost",
    command: "up",
    fast: false,
    change: (p) => {
      const next = clone(p);
      next[0].attendees = next[0].attendees.slice(0, -3);
      return next;
    },
    point: { operation: "DeleteAttendee", occurrence: 2, when: "after" },
  },
  {
    name: "replace (media region change): after the new meeting's CreateMeetingWithAttendees, answer lost",
    command: "up",
    fast: true,
    change: (p) => clone(p).map((m, i) => (i === 0 ? { ...m, mediaRegion: m.mediaRegion === "us-west-2" ? "us-east-2" : "us-west-2" } : m)),
    point: { operation: "CreateMeetingWithAttendees", occurrence: 1, when: "after" },
  },
  {
    name: "replace (media region change): after the old meeting's DeleteMeeting, answer lost",
    command: "up",
    fast: false,
    change: (p) => clone(p).map((m, i) => (i === 1 ? { ...m, mediaRegion: m.mediaRegion === "us-west-2" ? "us-east-2" : "us-west-2" } : m)),
    point: { operation: "DeleteMeeting", occurrence: 1, when: "after" },
  },
  {
    name: "delete (two meetings removed from the program): before the 2nd DeleteMeeting",
    command: "up",
    fast: false,
    change: (p) => clone(p).slice(0, -2),
    point: { operation: "DeleteMeeting", occurrence: 2, when: "before" },
  },
  {
    name: "destroy: after the 2nd DeleteMeeting, answer lost",
    command: "destroy",
    fast: false,
    change: () => [],
    point: { operation: "DeleteMeeting", occurrence: 2, when: "after" },
  },
];
