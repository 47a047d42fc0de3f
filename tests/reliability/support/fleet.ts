// A generated Pulumi program that declares a fleet of meetings from `meetings.json` in its work
// directory, so a test changes the declared set by rewriting one file (no config round trips).
import * as fs from "node:fs";
import * as path from "node:path";
import { newWorkDir, repoRoot } from "../../support/pulumi";

export interface DeclaredAttendee {
  externalUserId: string;
}

export interface DeclaredMeeting {
  /** Pulumi resource name. */
  name: string;
  externalMeetingId: string;
  mediaRegion: string;
  tags?: Record<string, string>;
  attendees: DeclaredAttendee[];
}

export const PROJECT = "reliability";
export const STACK = "fleet";

const PROGRAM = `import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "__MEETING_MODULE__";

interface Declared { name: string; externalMeetingId: string; mediaRegion: string; tags?: Record<string, string>; attendees: { externalUserId: string }[] }

const declared: Declared[] = JSON.parse(fs.readFileSync(path.join(__dirname, "meetings.json"), "utf8"));
const attendees: Record<string, pulumi.Output<unknown>> = {};
for (const d of declared) {
  const m = new Meeting(d.name, { externalMeetingId: d.externalMeetingId, mediaRegion: d.mediaRegion, tags: d.tags, attendees: d.attendees });
  attendees[d.name] = m.attendees;
}
/** Secret as a whole (all() of secret outputs): carries every join token. */
export const joinInfo = pulumi.all(attendees);
`;

/** `count` meetings named m000.., each with `attendeesEach` attendees; ids carry a run prefix so runs never collide. */
export function fleet(count: number, attendeesEach: number, prefix = "rel"): DeclaredMeeting[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(3, "0");
    return {
      name: `m${n}`,
      externalMeetingId: `${prefix}-meeting-${n}`,
      mediaRegion: "us-east-1",
      tags: { suite: "reliability", index: n },
      attendees: Array.from({ length: attendeesEach }, (_, j) => ({ externalUserId: `${prefix}-user-${n}-${String(j).padStart(3, "0")}` })),
    };
  });
}

/** A new work dir under .test-work/ holding Pulumi.yaml, the program and the declared meetings. */
export function newFleetProject(prefix: string, meetings: DeclaredMeeting[]): string {
  const workDir = newWorkDir(prefix);
  const meetingModule = path
    .relative(workDir, path.join(repoRoot, "components", "meeting"))
    .split(path.sep)
    .join("/");
  fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), `name: ${PROJECT}\nruntime: nodejs\nmain: index.ts\n`);
  fs.writeFileSync(path.join(workDir, "index.ts"), PROGRAM.replace("__MEETING_MODULE__", meetingModule));
  declare(workDir, meetings);
  return workDir;
}

export function declare(workDir: string, meetings: DeclaredMeeting[]): void {
  fs.writeFileSync(path.join(workDir, "meetings.json"), JSON.stringify(meetings, null, 1));
}

export function stateDirOf(workDir: string): string {
  return path.join(workDir, ".state");
}
