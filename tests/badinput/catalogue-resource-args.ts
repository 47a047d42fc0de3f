// Catalogue (b): invalid Meeting inputs, refused by the provider's check() (tests: resource-args.test.ts).
import { tagMap, type BadInputRow } from "./rows";

/** Valid Meeting inputs each row overrides. */
export const base = {
  mediaRegion: "us-east-1",
  externalMeetingId: "badinput-townhall",
  idempotencySeed: "chime-meetings/badinput/townhall",
};
const ALL = { audio: "SendReceive", video: "SendReceive", content: "SendReceive" };

export const RESOURCE_ARG_ROWS: BadInputRow<Record<string, unknown>>[] = [
  { name: "requires mediaRegion", input: { mediaRegion: undefined }, field: "mediaRegion", value: "undefined", rule: "is required" },
  {
    name: "rejects a mediaRegion given as a number",
    input: { mediaRegion: 42 },
    field: "mediaRegion",
    value: "42",
    rule: "must be a string",
  },
  {
    name: "rejects an externalMeetingId of 65 characters",
    input: { externalMeetingId: "x".repeat(65) },
    field: "externalMeetingId",
    value: `"${"x".repeat(65)}"`,
    rule: "must be 2 to 64 characters long",
  },
  {
    name: "rejects an externalMeetingId with a character outside the API's pattern",
    input: { externalMeetingId: "town*hall" },
    field: "externalMeetingId",
    value: '"town*hall"',
    rule: "must match the pattern",
  },
  {
    name: "rejects a meetingHostId with the reserved aws: prefix in any case",
    input: { meetingHostId: "Aws:host" },
    field: "meetingHostId",
    value: '"Aws:host"',
    rule: 'must not begin with the reserved prefix "aws:" (case-insensitive)',
  },
  {
    name: "rejects MaxCount 0",
    input: { meetingFeatures: { attendee: { maxCount: 0 } } },
    field: "meetingFeatures.attendee.maxCount",
    value: "0",
    rule: "must be an integer from 1 to 250",
  },
  {
    name: "rejects a content resolution the API does not offer",
    input: { meetingFeatures: { content: { maxResolution: "8K" } } },
    field: "meetingFeatures.content.maxResolution",
    value: '"8K"',
    rule: "must be one of None, FHD, UHD",
  },
  {
    name: "requires MaxCount when content is UHD",
    input: { meetingFeatures: { content: { maxResolution: "UHD" } } },
    field: "meetingFeatures.attendee.maxCount",
    value: "undefined",
    rule: "is required when",
  },
  {
    name: "rejects meetingFeatures.video given as a string",
    input: { meetingFeatures: { video: "HD" } },
    field: "meetingFeatures.video",
    value: '"HD"',
    rule: "must be an object",
  },
  { name: "rejects an empty tenantIds list", input: { tenantIds: [] }, field: "tenantIds", value: "0", rule: "1 to 5" },
  {
    name: "rejects a tenant id with one character four times in a row",
    input: { tenantIds: ["teaaaam"] },
    field: "tenantIds[0]",
    value: '"teaaaam"',
    rule: "must match the pattern",
  },
  {
    name: "rejects an empty tag key",
    input: { tags: { "": "comms" } },
    field: 'tags[""]',
    value: '""',
    rule: "must be 1 to 128 characters long",
  },
  {
    name: "rejects a tag value of 257 characters, naming the tag",
    input: { tags: { team: "v".repeat(257) } },
    field: "tags.team",
    value: `"${"v".repeat(99)}… (259 characters)`,
    rule: "at most 256 characters",
  },
  {
    name: "rejects a tag value that is a number",
    input: { tags: { year: 2026 } },
    field: "tags.year",
    value: "2026",
    rule: "must be a string",
  },
  { name: "rejects 51 tags", input: { tags: tagMap(51) }, field: "tags", value: "51", rule: "at most 50" },
  {
    name: "rejects an attendee externalUserId of one character",
    input: { attendees: [{ externalUserId: "x" }] },
    field: "attendees[0].externalUserId",
    value: '"x"',
    rule: "must be 2 to 64 characters long",
  },
  {
    name: "rejects an attendee without all three capabilities",
    input: { attendees: [{ externalUserId: "sam", capabilities: { audio: "SendReceive", video: "SendReceive" } }] },
    field: "attendees[0].capabilities.content",
    value: "undefined",
    rule: "is required",
  },
  {
    name: "rejects video capabilities when the meeting has no video",
    input: { meetingFeatures: { video: { maxResolution: "None" } }, attendees: [{ externalUserId: "sam", capabilities: ALL }] },
    field: "attendees[0].capabilities.video",
    value: '"SendReceive"',
    rule: "must be None because meetingFeatures.video.maxResolution is None",
  },
  {
    name: "rejects 26 attendees with FHD video",
    input: {
      meetingFeatures: { video: { maxResolution: "FHD" }, attendee: { maxCount: 25 } },
      attendees: Array.from({ length: 26 }, (_, i) => ({ externalUserId: `viewer-${i}` })),
    },
    field: "attendees",
    value: "26",
    rule: "must not exceed 25 attendees per meeting",
  },
  {
    name: "rejects attendees given as a string",
    input: { attendees: "sam,alex" },
    field: "attendees",
    value: '"sam,alex"',
    rule: "must be a list",
  },
  {
    name: "rejects a Lambda target that is not an ARN",
    input: { notificationsConfiguration: { lambdaFunctionArn: "my-function" } },
    field: "notificationsConfiguration.lambdaFunctionArn",
    value: '"my-function"',
    rule: "must match the pattern",
  },
  {
    name: "rejects a control region that does not exist",
    input: { region: "mars-west-1" },
    field: "region",
    value: '"mars-west-1"',
    rule: "must be a Chime SDK Meetings API region",
  },
  {
    name: "rejects a primaryMeetingId of one character",
    input: { primaryMeetingId: "p" },
    field: "primaryMeetingId",
    value: '"p"',
    rule: "must be 2 to 64 characters long",
  },
];
