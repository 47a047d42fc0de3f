// Meetings of this project, declared with chime-meetings. Every input may be a pulumi.Input; join tokens are
// secret outputs. Reference: node_modules/chime-meetings/docs/MEETING.md.
import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "chime-meetings";

const config = new pulumi.Config();
const stack = pulumi.getStack();

const townhall = new Meeting("townhall", {
  mediaRegion: config.get("mediaRegion") ?? "us-east-1",
  externalMeetingId: `${stack}-townhall`,
  meetingFeatures: { video: { maxResolution: "HD" }, attendee: { maxCount: 50 } },
  tags: { team: config.get("team") ?? "events", event: config.get("event") ?? "all-hands", stack },
  attendees: [
    { externalUserId: "host-1", capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" } },
    { externalUserId: "viewer-1", capabilities: { audio: "Receive", video: "Receive", content: "Receive" } },
  ],
});

// A replica in Europe. Its primary is named by id (known while the primary is updated in place).
const townhallEu = new Meeting("townhall-eu", {
  mediaRegion: "eu-central-1",
  externalMeetingId: `${stack}-townhall-eu`,
  primaryMeetingId: townhall.id,
  tags: { team: config.get("team") ?? "events", stack },
  attendees: [{ externalUserId: "viewer-eu-1" }],
});

export const meetingId = townhall.meetingId;
export const replicaMeetingId = townhallEu.meetingId;
/** Attendee ids and join tokens (secret). */
export const joinInfo = pulumi.secret(townhall.attendees);
