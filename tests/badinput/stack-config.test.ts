// Bad input catalogue (a): shapes of the stack config `chime-meetings:meetings` that the program rejects
// before it declares any resource, each with a message naming the full config key, the value and the rule.
import assert from "node:assert/strict";
import { parseMeetings, StackConfigError } from "../../stack/config";
import { assertNamesFieldValueRule, tagMap, type BadInputRow } from "./rows";

const M = "chime-meetings:meetings";
const ok = { mediaRegion: "us-east-1" };
const LISTEN = { audio: "Receive", video: "Receive", content: "Receive" };

export const STACK_CONFIG_ROWS: BadInputRow<unknown>[] = [
  { name: "rejects meetings given as a list instead of a map", input: [{ name: "townhall" }], field: M, value: '[{"name":"townhall"}]', rule: "must be a map of meeting name to meeting settings" },
  { name: "rejects meetings given as a string", input: "townhall", field: M, value: '"townhall"', rule: "must be a map of meeting name to meeting settings" },
  { name: "rejects a meeting whose settings are a string", input: { townhall: "us-east-1" }, field: `${M}.townhall`, value: '"us-east-1"', rule: "must be a map of meeting settings" },
  { name: "rejects a misspelt setting and lists the known ones", input: { townhall: { ...ok, mediaregion: "us-east-1" } }, field: `${M}.townhall.mediaregion`, value: '"us-east-1"', rule: "is not a meeting setting (known: mediaRegion," },
  { name: "rejects a window given as a string", input: { townhall: { ...ok, window: "09:00-10:00" } }, field: `${M}.townhall.window`, value: '"09:00-10:00"', rule: "must be a map with start and end" },
  { name: "rejects a window start that is not a date-time with a time zone", input: { townhall: { ...ok, window: { start: "09:00", end: "2026-12-01T10:00:00Z" } } }, field: `${M}.townhall.window.start`, value: '"09:00"', rule: "must be an ISO 8601 date-time with a time zone" },
  { name: "rejects a window that ends before it starts", input: { townhall: { ...ok, window: { start: "2026-12-01T10:00:00Z", end: "2026-12-01T09:00:00Z" } } }, field: `${M}.townhall.window.end`, value: '"2026-12-01T09:00:00Z"', rule: "must be later than window.start" },
  { name: "rejects an unknown window setting", input: { townhall: { ...ok, window: { start: "2026-12-01T09:00:00Z", end: "2026-12-01T10:00:00Z", timezone: "CET" } } }, field: `${M}.townhall.window.timezone`, value: '"CET"', rule: "is not a window setting (known: start, end)" },
  { name: "requires a media region", input: { townhall: {} }, field: `${M}.townhall.mediaRegion`, value: "undefined", rule: "is required" },
  { name: "rejects a media region given as a number", input: { townhall: { mediaRegion: 42 } }, field: `${M}.townhall.mediaRegion`, value: "42", rule: "must be a string" },
  { name: "rejects a media region the service does not host", input: { townhall: { mediaRegion: "mars-north-1" } }, field: `${M}.townhall.mediaRegion`, value: '"mars-north-1"', rule: "must be one of the media regions" },
  { name: "rejects a one-character external meeting id", input: { townhall: { ...ok, externalMeetingId: "t" } }, field: `${M}.townhall.externalMeetingId`, value: '"t"', rule: "must be 2 to 64 characters long" },
  { name: "rejects an external meeting id with the reserved aws: prefix", input: { townhall: { ...ok, externalMeetingId: "aws:townhall" } }, field: `${M}.townhall.externalMeetingId`, value: '"aws:townhall"', rule: 'must not begin with the reserved prefix "aws:"' },
  { name: "rejects MaxCount 300", input: { townhall: { ...ok, meetingFeatures: { attendee: { maxCount: 300 } } } }, field: `${M}.townhall.meetingFeatures.attendee.maxCount`, value: "300", rule: "must be an integer from 1 to 250" },
  { name: "rejects MaxCount written as a word", input: { townhall: { ...ok, meetingFeatures: { attendee: { maxCount: "ten" } } } }, field: `${M}.townhall.meetingFeatures.attendee.maxCount`, value: '"ten"', rule: "must be an integer from 1 to 250" },
  { name: "rejects a fractional MaxCount", input: { townhall: { ...ok, meetingFeatures: { attendee: { maxCount: 2.5 } } } }, field: `${M}.townhall.meetingFeatures.attendee.maxCount`, value: "2.5", rule: "must be an integer from 1 to 250" },
  { name: "rejects a video resolution the API does not offer", input: { townhall: { ...ok, meetingFeatures: { video: { maxResolution: "4K" } } } }, field: `${M}.townhall.meetingFeatures.video.maxResolution`, value: '"4K"', rule: "must be one of None, HD, FHD" },
  { name: "rejects echo reduction given as a boolean", input: { townhall: { ...ok, meetingFeatures: { audio: { echoReduction: true } } } }, field: `${M}.townhall.meetingFeatures.audio.echoReduction`, value: "true", rule: "must be one of AVAILABLE, UNAVAILABLE" },
  { name: "rejects UHD content with more than 25 attendees allowed", input: { townhall: { ...ok, meetingFeatures: { content: { maxResolution: "UHD" }, attendee: { maxCount: 40 } } } }, field: `${M}.townhall.meetingFeatures.attendee.maxCount`, value: "40", rule: "must be at most 25" },
  { name: "rejects tags given as a list", input: { townhall: { ...ok, tags: ["team=comms"] } }, field: `${M}.townhall.tags`, value: '["team=comms"]', rule: "must be a map of tag key to tag value" },
  { name: "rejects a tag value that is a map", input: { townhall: { ...ok, tags: { team: { name: "comms" } } } }, field: `${M}.townhall.tags.team`, value: '{"name":"comms"}', rule: "must be a string" },
  { name: "rejects a tag key with the reserved aws: prefix, naming the tag", input: { townhall: { ...ok, tags: { "aws:team": "comms" } } }, field: `${M}.townhall.tags.aws:team`, value: '"aws:team"', rule: "must not begin with the reserved prefix" },
  { name: "rejects 51 tags", input: { townhall: { ...ok, tags: tagMap(51) } }, field: `${M}.townhall.tags`, value: "51", rule: "at most 50" },
  { name: "rejects attendees given as a map", input: { townhall: { ...ok, attendees: { sam: {} } } }, field: `${M}.townhall.attendees`, value: '{"sam":{}}', rule: "must be a list" },
  { name: "requires each attendee's externalUserId", input: { townhall: { ...ok, attendees: [{ capabilities: LISTEN }] } }, field: `${M}.townhall.attendees[0].externalUserId`, value: "undefined", rule: "is required" },
  { name: "rejects an attendee capability the API does not offer", input: { townhall: { ...ok, attendees: [{ externalUserId: "sam", capabilities: { ...LISTEN, video: "Both" } }] } }, field: `${M}.townhall.attendees[0].capabilities.video`, value: '"Both"', rule: "must be one of SendReceive, Send, Receive, None" },
  { name: "rejects content Receive for an attendee without video", input: { townhall: { ...ok, attendees: [{ externalUserId: "sam", capabilities: { audio: "SendReceive", video: "None", content: "Receive" } }] } }, field: `${M}.townhall.attendees[0].capabilities.content`, value: '"Receive"', rule: "only when video is SendReceive or Receive" },
  { name: "rejects two attendees with one externalUserId", input: { townhall: { ...ok, attendees: [{ externalUserId: "sam" }, { externalUserId: "sam" }] } }, field: `${M}.townhall.attendees[1].externalUserId`, value: '"sam"', rule: "must be unique among the meeting's attendees" },
  { name: "rejects more attendees than MaxCount", input: { townhall: { ...ok, meetingFeatures: { attendee: { maxCount: 1 } }, attendees: [{ externalUserId: "sam" }, { externalUserId: "alex" }] } }, field: `${M}.townhall.attendees`, value: "2", rule: "must not exceed 1 attendees per meeting" },
  { name: "rejects six tenant ids", input: { townhall: { ...ok, tenantIds: ["t1", "t2", "t3", "t4", "t5", "t6"] } }, field: `${M}.townhall.tenantIds`, value: "6", rule: "1 to 5" },
  { name: "rejects tenant ids given as one string", input: { townhall: { ...ok, tenantIds: "t1,t2" } }, field: `${M}.townhall.tenantIds`, value: '"t1,t2"', rule: "must be a list" },
  { name: "rejects a primary that is not declared", input: { townhall: ok, "townhall-eu": { ...ok, primary: "town-hall" } }, field: `${M}.townhall-eu.primary`, value: '"town-hall"', rule: `must name a meeting declared in ${M} (declared: townhall, townhall-eu)` },
  { name: "rejects a meeting that is its own primary", input: { townhall: { ...ok, primary: "townhall" } }, field: `${M}.townhall.primary`, value: '"townhall"', rule: "must name another meeting, not the meeting itself" },
  { name: "rejects primary together with primaryMeetingId", input: { townhall: ok, eu: { ...ok, primary: "townhall", primaryMeetingId: "11111111-2222-3333-4444-555555555555" } }, field: `${M}.eu.primary`, value: '"townhall"', rule: "cannot be combined with primaryMeetingId" },
  { name: "rejects a replica of a replica", input: { townhall: ok, eu: { ...ok, primary: "townhall" }, apac: { ...ok, primary: "eu" } }, field: `${M}.apac.primary`, value: '"eu"', rule: "a replica cannot be the primary of another replica" },
  { name: "rejects a fifth replica of one primary", input: { townhall: ok, r1: { ...ok, primary: "townhall" }, r2: { ...ok, primary: "townhall" }, r3: { ...ok, primary: "townhall" }, r4: { ...ok, primary: "townhall" }, r5: { ...ok, primary: "townhall" } }, field: `${M}.r5.primary`, value: '"townhall"', rule: "exceeds 4 replicas per primary meeting" },
  { name: "rejects a control region without a Chime SDK Meetings endpoint", input: { townhall: { ...ok, region: "eu-west-1" } }, field: `${M}.townhall.region`, value: '"eu-west-1"', rule: "must be a Chime SDK Meetings API region" },
  { name: "rejects a control region given as a number", input: { townhall: { ...ok, region: 1 } }, field: `${M}.townhall.region`, value: "1", rule: "must be a string" },
  { name: "rejects notifications given as a word", input: { townhall: { ...ok, notifications: "yes" } }, field: `${M}.townhall.notifications`, value: '"yes"', rule: "must be true or false" },
  { name: "rejects notifications together with an explicit notificationsConfiguration", input: { townhall: { ...ok, notifications: true, notificationsConfiguration: { snsTopicArn: "arn:aws:sns:us-east-1:123456789012:events" } } }, field: `${M}.townhall.notifications`, value: "true", rule: "cannot be combined with notificationsConfiguration" },
  { name: "rejects an SQS notification target outside the control region", input: { townhall: { ...ok, notificationsConfiguration: { sqsQueueArn: "arn:aws:sqs:eu-west-1:123456789012:events" } } }, field: `${M}.townhall.notificationsConfiguration.sqsQueueArn`, value: '"arn:aws:sqs:eu-west-1:123456789012:events"', rule: "must be in the API region us-east-1" },
];

describe("bad input (a): stack config chime-meetings:meetings", () => {
  for (const row of STACK_CONFIG_ROWS) {
    it(row.name, () => {
      assert.throws(() => parseMeetings(row.input, "us-east-1"), (err: unknown) => {
        assert.ok(err instanceof StackConfigError, `expected StackConfigError, got ${String(err)}`);
        assertNamesFieldValueRule(err.message, row);
        return true;
      });
    });
  }
});
