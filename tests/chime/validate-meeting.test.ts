import assert from "node:assert/strict";
import { formatViolation, validateMeeting, validateMeetingFeatures } from "../../chime/validate";
import type { MeetingSpec } from "../../chime/types";

const base: MeetingSpec = { mediaRegion: "us-east-1", externalMeetingId: "standup-1" };
const fhd = (maxCount?: number): MeetingSpec => ({
  ...base,
  meetingFeatures: { video: { maxResolution: "FHD" }, ...(maxCount === undefined ? {} : { attendee: { maxCount } }) },
});
const x = (n: number, c = "a") => c.repeat(n);

interface Row {
  name: string;
  spec: MeetingSpec;
  paths: string[];
}

// `paths` lists the violated paths; [] means the spec is accepted.
const rows: Row[] = [
  { name: "accepts a minimal meeting", spec: base, paths: [] },
  { name: "rejects a missing media region", spec: { ...base, mediaRegion: undefined as unknown as string }, paths: ["mediaRegion"] },
  { name: "rejects an unlisted media region", spec: { ...base, mediaRegion: "eu-south-2" }, paths: ["mediaRegion"] },
  { name: "accepts a GovCloud media region", spec: { ...base, mediaRegion: "us-gov-west-1" }, paths: [] },
  {
    name: "rejects a missing external meeting id",
    spec: { ...base, externalMeetingId: undefined as unknown as string },
    paths: ["externalMeetingId"],
  },
  { name: "accepts a 2-character external meeting id", spec: { ...base, externalMeetingId: "ab" }, paths: [] },
  { name: "rejects a 1-character external meeting id", spec: { ...base, externalMeetingId: "a" }, paths: ["externalMeetingId"] },
  { name: "accepts a 64-character external meeting id", spec: { ...base, externalMeetingId: x(64) }, paths: [] },
  { name: "rejects a 65-character external meeting id", spec: { ...base, externalMeetingId: x(65) }, paths: ["externalMeetingId"] },
  {
    name: "accepts the documented punctuation and Latin-1 letters",
    spec: { ...base, externalMeetingId: "Réunion [#1] «x» a@b.c|d" },
    paths: [],
  },
  {
    name: "rejects characters outside the documented pattern",
    spec: { ...base, externalMeetingId: "team*one" },
    paths: ["externalMeetingId"],
  },
  {
    name: "rejects a non-ASCII space that Java's \\s does not match",
    spec: { ...base, externalMeetingId: "a\u00a0b" },
    paths: ["externalMeetingId"],
  },
  {
    name: "rejects external meeting id starting with aws:",
    spec: { ...base, externalMeetingId: "aws:meeting" },
    paths: ["externalMeetingId"],
  },
  {
    name: "rejects external meeting id starting with AWS: (case-insensitive)",
    spec: { ...base, externalMeetingId: "AWS:meeting" },
    paths: ["externalMeetingId"],
  },
  { name: "accepts aws: in the middle of an external meeting id", spec: { ...base, externalMeetingId: "my-aws:meeting" }, paths: [] },
  { name: "rejects a meeting host id starting with Aws:", spec: { ...base, meetingHostId: "Aws:host" }, paths: ["meetingHostId"] },
  { name: "accepts a plain meeting host id", spec: { ...base, meetingHostId: "host-1" }, paths: [] },
  { name: "rejects a 1-character meeting host id", spec: { ...base, meetingHostId: "h" }, paths: ["meetingHostId"] },
  { name: "accepts MaxCount 250", spec: { ...base, meetingFeatures: { attendee: { maxCount: 250 } } }, paths: [] },
  {
    name: "rejects MaxCount 251",
    spec: { ...base, meetingFeatures: { attendee: { maxCount: 251 } } },
    paths: ["meetingFeatures.attendee.maxCount"],
  },
  { name: "accepts MaxCount 1", spec: { ...base, meetingFeatures: { attendee: { maxCount: 1 } } }, paths: [] },
  {
    name: "rejects MaxCount 0",
    spec: { ...base, meetingFeatures: { attendee: { maxCount: 0 } } },
    paths: ["meetingFeatures.attendee.maxCount"],
  },
  {
    name: "rejects a fractional MaxCount",
    spec: { ...base, meetingFeatures: { attendee: { maxCount: 2.5 } } },
    paths: ["meetingFeatures.attendee.maxCount"],
  },
  { name: "accepts video FHD with MaxCount 25", spec: fhd(25), paths: [] },
  { name: "rejects video FHD with MaxCount 26", spec: fhd(26), paths: ["meetingFeatures.attendee.maxCount"] },
  { name: "rejects video FHD without MaxCount", spec: fhd(), paths: ["meetingFeatures.attendee.maxCount"] },
  {
    name: "accepts content UHD with MaxCount 25",
    spec: { ...base, meetingFeatures: { content: { maxResolution: "UHD" }, attendee: { maxCount: 25 } } },
    paths: [],
  },
  {
    name: "rejects content UHD with MaxCount 26",
    spec: { ...base, meetingFeatures: { content: { maxResolution: "UHD" }, attendee: { maxCount: 26 } } },
    paths: ["meetingFeatures.attendee.maxCount"],
  },
  {
    name: "rejects content UHD without MaxCount",
    spec: { ...base, meetingFeatures: { content: { maxResolution: "UHD" } } },
    paths: ["meetingFeatures.attendee.maxCount"],
  },
  { name: "accepts video HD without MaxCount", spec: { ...base, meetingFeatures: { video: { maxResolution: "HD" } } }, paths: [] },
  {
    name: "rejects an unknown video resolution",
    spec: { ...base, meetingFeatures: { video: { maxResolution: "UHD" as "HD" } } },
    paths: ["meetingFeatures.video.maxResolution"],
  },
  {
    name: "rejects an unknown content resolution",
    spec: { ...base, meetingFeatures: { content: { maxResolution: "HD" as "FHD" } } },
    paths: ["meetingFeatures.content.maxResolution"],
  },
  {
    name: "rejects an unknown echo reduction status",
    spec: { ...base, meetingFeatures: { audio: { echoReduction: "ON" as "AVAILABLE" } } },
    paths: ["meetingFeatures.audio.echoReduction"],
  },
  { name: "accepts echo reduction AVAILABLE", spec: { ...base, meetingFeatures: { audio: { echoReduction: "AVAILABLE" } } }, paths: [] },
  { name: "accepts 5 tenant ids", spec: { ...base, tenantIds: ["t1", "t2", "t3", "t4", "t5"] }, paths: [] },
  { name: "rejects 6 tenant ids", spec: { ...base, tenantIds: ["t1", "t2", "t3", "t4", "t5", "t6"] }, paths: ["tenantIds"] },
  { name: "rejects an empty tenant id list", spec: { ...base, tenantIds: [] }, paths: ["tenantIds"] },
  { name: "accepts a character repeated 3 times in a tenant id", spec: { ...base, tenantIds: ["abbbc"] }, paths: [] },
  { name: "rejects a character repeated 4 times in a tenant id", spec: { ...base, tenantIds: ["abbbbc"] }, paths: ["tenantIds[0]"] },
  { name: "rejects a 1-character tenant id", spec: { ...base, tenantIds: ["a"] }, paths: ["tenantIds[0]"] },
  { name: "accepts a 256-character tenant id", spec: { ...base, tenantIds: [x(64, "abcd")] }, paths: [] },
  { name: "rejects a 257-character tenant id", spec: { ...base, tenantIds: [x(64, "abcd") + "e"] }, paths: ["tenantIds[0]"] },
  { name: "rejects a tenant id with a space", spec: { ...base, tenantIds: ["a b"] }, paths: ["tenantIds[0]"] },
  { name: "accepts a 2-character primary meeting id", spec: { ...base, primaryMeetingId: "ab" }, paths: [] },
  { name: "rejects a 65-character primary meeting id", spec: { ...base, primaryMeetingId: x(65) }, paths: ["primaryMeetingId"] },
  {
    name: "accepts notification ARNs",
    spec: {
      ...base,
      notificationsConfiguration: {
        snsTopicArn: "arn:aws:sns:us-east-1:123456789012:t",
        sqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:q",
      },
    },
    paths: [],
  },
  {
    name: "rejects a notification ARN not starting with arn",
    spec: { ...base, notificationsConfiguration: { sqsQueueArn: "sqs:queue" } },
    paths: ["notificationsConfiguration.sqsQueueArn"],
  },
  {
    name: "rejects a notification ARN with a space",
    spec: { ...base, notificationsConfiguration: { snsTopicArn: "arn:aws:sns:us-east-1:1:t t" } },
    paths: ["notificationsConfiguration.snsTopicArn"],
  },
  {
    name: "rejects a notification ARN of 1025 characters",
    spec: { ...base, notificationsConfiguration: { lambdaFunctionArn: "arn" + x(1022) } },
    paths: ["notificationsConfiguration.lambdaFunctionArn"],
  },
  {
    name: "accepts a notification ARN of 1024 characters",
    spec: { ...base, notificationsConfiguration: { lambdaFunctionArn: "arn" + x(1021) } },
    paths: [],
  },
  { name: "rejects tags that break the tag rules", spec: { ...base, tags: [{ key: "aws:x", value: "v" }] }, paths: ["tags[0].key"] },
];

describe("chime validateMeeting", () => {
  for (const row of rows) {
    it(row.name, () => {
      assert.deepEqual(
        validateMeeting(row.spec).map((v) => v.path),
        row.paths,
      );
    });
  }

  it("reports the field, the value and the rule in one message", () => {
    const [v] = validateMeeting({ ...base, meetingFeatures: { attendee: { maxCount: 251 } } });
    assert.equal(formatViolation(v), "meetingFeatures.attendee.maxCount: value 251 must be an integer from 1 to 250");
  });

  it("explains why MaxCount is required with FHD video", () => {
    const [v] = validateMeeting(fhd());
    assert.equal(
      formatViolation(v),
      "meetingFeatures.attendee.maxCount: value undefined is required when meetingFeatures.video.maxResolution is FHD or meetingFeatures.content.maxResolution is UHD",
    );
  });

  it("names the reserved prefix in the message", () => {
    const [v] = validateMeeting({ ...base, externalMeetingId: "AWS:x1" });
    assert.equal(formatViolation(v), 'externalMeetingId: value "AWS:x1" must not begin with the reserved prefix "aws:" (case-insensitive)');
  });

  it("reports every broken rule of one request, not only the first", () => {
    const paths = validateMeeting({ mediaRegion: "mars-1", externalMeetingId: "a", tenantIds: [] }).map((v) => v.path);
    assert.deepEqual(paths, ["mediaRegion", "externalMeetingId", "tenantIds"]);
  });

  it("rejects wrongly typed wire values instead of throwing", () => {
    const spec = { mediaRegion: 5, externalMeetingId: ["x"], meetingFeatures: "big" } as unknown as MeetingSpec;
    assert.deepEqual(validateMeeting(spec).map(formatViolation), [
      "mediaRegion: value 5 must be a string",
      'externalMeetingId: value ["x"] must be a string',
      'meetingFeatures: value "big" must be an object',
    ]);
  });

  it("validates features on their own with a custom path", () => {
    assert.deepEqual(
      validateMeetingFeatures({ attendee: { maxCount: 300 } }, "features").map((v) => v.path),
      ["features.attendee.maxCount"],
    );
  });
});
