import assert from "node:assert/strict";
import { meetingArn, parseMeetingArn } from "../../chime/arn";
import { EVENT_TYPES, isChimeEventEnvelope } from "../../chime/events";
import { LIMITS } from "../../chime/limits";
import { CONTROL_REGIONS, MEDIA_REGIONS, isGovCloud, partitionOf, shortRegionCode } from "../../chime/regions";

describe("chime regions", () => {
  it("lists the 20 documented media regions including GovCloud", () => {
    assert.equal(MEDIA_REGIONS.length, 20);
    assert.ok(MEDIA_REGIONS.includes("us-gov-east-1"));
  });
  it("lists API regions that include il-central-1 but not eu-west-1", () => {
    assert.ok(CONTROL_REGIONS.includes("il-central-1"));
    assert.ok(!CONTROL_REGIONS.includes("eu-west-1"));
  });
  it("maps regions to partitions", () => {
    assert.equal(partitionOf("us-gov-west-1"), "aws-us-gov");
    assert.equal(partitionOf("cn-north-1"), "aws-cn");
    assert.equal(partitionOf("eu-central-1"), "aws");
    assert.equal(isGovCloud("us-east-1"), false);
  });
  it("shortens regions the way media placement host names do", () => {
    assert.equal(shortRegionCode("us-east-1"), "ue1");
    assert.equal(shortRegionCode("eu-central-1"), "ec1");
    assert.equal(shortRegionCode("ap-southeast-1"), "as1");
  });
});

describe("chime arn", () => {
  const id = "fdee05b8-1234-4bcd-8def-0123456789ab";
  it("builds a meeting ARN in the region's partition", () => {
    assert.equal(meetingArn("eu-central-1", "123456789012", id), `arn:aws:chime:eu-central-1:123456789012:meeting/${id}`);
    assert.equal(meetingArn("us-gov-west-1", "123456789012", id), `arn:aws-us-gov:chime:us-gov-west-1:123456789012:meeting/${id}`);
  });
  it("parses a meeting ARN back and refuses other ARNs", () => {
    assert.deepEqual(parseMeetingArn(meetingArn("us-east-1", "123456789012", id)), {
      partition: "aws",
      region: "us-east-1",
      accountId: "123456789012",
      meetingId: id,
    });
    assert.equal(parseMeetingArn("arn:aws:sns:us-east-1:123456789012:t"), undefined);
  });
});

describe("chime events and limits", () => {
  it("knows the 20 documented event types", () => {
    assert.equal(EVENT_TYPES.length, 20);
    assert.ok(EVENT_TYPES.includes("chime:AttendeeJoined"));
  });
  it("recognises an EventBridge envelope and refuses other payloads", () => {
    const detail = {
      version: "0",
      eventType: "chime:MeetingStarted",
      timestamp: 1,
      meetingId: "m",
      mediaRegion: "us-east-1",
      externalMeetingId: "x",
    };
    const envelope = {
      version: "0",
      id: "1",
      "detail-type": "Chime Meeting State Change",
      source: "aws.chime",
      account: "1",
      time: "t",
      region: "us-east-1",
      resources: [],
      detail,
    };
    assert.equal(isChimeEventEnvelope(envelope), true);
    assert.equal(isChimeEventEnvelope({ ...envelope, source: "aws.s3" }), false);
    assert.equal(isChimeEventEnvelope({ ...envelope, detail: { ...detail, eventType: "chime:Nope" } }), false);
  });
  it("keeps the documented limits", () => {
    assert.deepEqual(
      [LIMITS.createWithAttendeesBatch, LIMITS.batchCreateAttendee, LIMITS.tags, LIMITS.replicasPerPrimary],
      [20, 100, 50, 4],
    );
  });
});
