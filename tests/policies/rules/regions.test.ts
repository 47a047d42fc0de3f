import assert from "node:assert/strict";
import { assertFired, goodMeeting, meeting, only } from "../support";

const base = goodMeeting();
const EU = ["eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1"];
const euOnly = { "chime-meeting-limit-media-regions": { allowedRegions: EU } };
const targets = (sqsRegion: string, snsRegion: string) => ({
  sqsQueueArn: `arn:aws:sqs:${sqsRegion}:123456789012:events`,
  snsTopicArn: `arn:aws:sns:${snsRegion}:123456789012:events`,
});

describe("region rules", () => {
  it("accepts an EU media region under an EU-only config", async () => {
    await assertFired([meeting({ ...base, mediaRegion: "eu-central-1" })], [], euOnly);
  });

  it("refuses a US media region under an EU-only config, naming the allowed list", async () => {
    const violations = await assertFired([meeting(base)], ["chime-meeting-limit-media-regions"], euOnly);
    assert.match(
      only(violations, "chime-meeting-limit-media-regions"),
      /mediaRegion is "us-east-1" but the allowed media regions are \["eu-central-1"/,
    );
  });

  it("refuses a region that is not a Chime media region", async () => {
    await assertFired([meeting({ ...base, mediaRegion: "mars-north-1" })], ["chime-meeting-limit-media-regions"]);
  });

  it("refuses a media-region config naming a region Chime does not have", async () => {
    await assert.rejects(
      assertFired([meeting(base)], [], { "chime-meeting-limit-media-regions": { allowedRegions: ["eu-central-2"] } }),
      /allowedRegions value "eu-central-2" is not a Chime media region/,
    );
  });

  it("refuses a control region outside the allowed list", async () => {
    await assertFired([meeting({ ...base, region: "us-west-2" })], ["chime-meeting-limit-control-regions"], {
      "chime-meeting-limit-control-regions": { allowedRegions: ["us-east-1"] },
    });
  });

  it("refuses a control region without a meetings endpoint", async () => {
    await assertFired([meeting({ ...base, region: "eu-west-1" })], ["chime-meeting-limit-control-regions"]);
  });

  it("uses the configured default control region for meetings without a region input", async () => {
    const config = { "chime-meeting-limit-control-regions": { allowedRegions: ["eu-central-1"], defaultRegion: "us-east-1" } };
    const violations = await assertFired([meeting({ ...base, region: undefined })], ["chime-meeting-limit-control-regions"], config);
    assert.match(only(violations, "chime-meeting-limit-control-regions"), /region \(policy config defaultRegion\) is "us-east-1"/);
  });

  it("refuses GovCloud regions unless allowed, and a partition mix in any case", async () => {
    const gov = { ...base, mediaRegion: "us-gov-west-1", region: "us-gov-west-1" };
    await assertFired([meeting(gov)], ["chime-meeting-disallow-govcloud-regions"]);
    await assertFired([meeting(gov)], [], { "chime-meeting-disallow-govcloud-regions": { allowGovCloud: true } });
    await assertFired([meeting({ ...gov, region: "us-east-1" })], ["chime-meeting-limit-control-regions"], {
      "chime-meeting-disallow-govcloud-regions": { allowGovCloud: true },
    });
  });

  it("accepts SNS and SQS targets in the meeting's control region", async () => {
    await assertFired([meeting({ ...base, notificationsConfiguration: targets("us-east-1", "us-east-1") })], []);
  });

  it("refuses an SQS target outside the meeting's control region, naming the ARN", async () => {
    const violations = await assertFired(
      [meeting({ ...base, notificationsConfiguration: targets("eu-west-1", "us-east-1") })],
      ["chime-meeting-enforce-notification-region"],
    );
    assert.match(
      only(violations, "chime-meeting-enforce-notification-region"),
      /notificationsConfiguration\.sqsQueueArn is "arn:aws:sqs:eu-west-1:123456789012:events" but it must be in the API region us-east-1/,
    );
  });

  it("compares the SQS target with the SNS target when no control region is known", async () => {
    await assertFired(
      [meeting({ ...base, region: undefined, notificationsConfiguration: targets("eu-west-1", "us-east-1") })],
      ["chime-meeting-enforce-notification-region"],
    );
    await assertFired([meeting({ ...base, region: undefined, notificationsConfiguration: targets("eu-west-1", "eu-west-1") })], []);
  });

  it("refuses a target ARN of the wrong service", async () => {
    await assertFired(
      [meeting({ ...base, notificationsConfiguration: { snsTopicArn: "arn:aws:sqs:us-east-1:123456789012:q" } })],
      ["chime-meeting-enforce-notification-region"],
    );
  });
});
