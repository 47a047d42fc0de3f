// The representative subset of (a) and (b) run through a real `pulumi preview` (tests: preview.test.ts).
import type { BadInputRow } from "./rows";

/** Stack config for one preview: the meetings map, and/or the args of a Meeting declared directly. */
export type Config = { meetings?: Record<string, unknown>; meetingArgs?: Record<string, unknown> };

export const M = "chime-meetings:meetings";
const townhall = { mediaRegion: "us-east-1", externalMeetingId: "preview-townhall" };

export const PREVIEW_ROWS: BadInputRow<Config>[] = [
  {
    name: "fails the preview on a misspelt meeting setting",
    input: { meetings: { townhall: { ...townhall, externalMeetingID: "x" } } },
    field: `${M}.townhall.externalMeetingID`,
    value: '"x"',
    rule: "is not a meeting setting",
  },
  {
    name: "fails the preview on a replica whose primary is not declared",
    input: { meetings: { townhall, eu: { mediaRegion: "eu-central-1", primary: "all-hands" } } },
    field: `${M}.eu.primary`,
    value: '"all-hands"',
    rule: "must name a meeting declared in",
  },
  {
    name: "fails the preview on an attendee capability the API does not offer",
    input: {
      meetings: {
        townhall: { ...townhall, attendees: [{ externalUserId: "sam", capabilities: { audio: "Full", video: "None", content: "None" } }] },
      },
    },
    field: `${M}.townhall.attendees[0].capabilities.audio`,
    value: '"Full"',
    rule: "must be one of SendReceive, Send, Receive, None",
  },
  {
    name: "fails the preview in the provider's check() on a Meeting with MaxCount 251",
    input: { meetingArgs: { ...townhall, meetingFeatures: { attendee: { maxCount: 251 } } } },
    field: "meetingFeatures.attendee.maxCount",
    value: "251",
    rule: "must be an integer from 1 to 250",
  },
  {
    name: "fails the preview in the provider's check() on a Meeting tag with the reserved aws: prefix",
    input: { meetingArgs: { ...townhall, tags: { "aws:team": "comms" } } },
    field: 'tags["aws:team"]',
    value: '"aws:team"',
    rule: 'must not begin with the reserved prefix "aws:"',
  },
  {
    name: "fails the preview in the provider's check() on a Meeting in a media region the service does not host",
    input: { meetingArgs: { ...townhall, mediaRegion: "eu-south-3" } },
    field: "mediaRegion",
    value: '"eu-south-3"',
    rule: "must be one of the media regions",
  },
];
