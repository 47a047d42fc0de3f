import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { isUnknownAtPath, UNKNOWN } from "../../components/meeting/unknown";

describe("Meeting provider unknown values", () => {
  it("uses the same sentinel as the Pulumi SDK", () => {
    assert.equal(UNKNOWN, pulumi.runtime.unknownValue);
  });

  it("finds unknowns at and above a violation path", () => {
    const root = { meetingFeatures: UNKNOWN, attendees: [{ externalUserId: "a" }, { capabilities: { video: UNKNOWN } }] };
    assert.equal(isUnknownAtPath(root, "meetingFeatures.attendee.maxCount"), true);
    assert.equal(isUnknownAtPath(root, "attendees[1].capabilities.video"), true);
    assert.equal(isUnknownAtPath(root, "attendees[0].externalUserId"), false);
  });
});
