import assert from "node:assert/strict";
import {
  formatViolation,
  validateClientRequestToken,
  validateControlRegion,
  validateExcludedAttendeeIds,
  validateGuid,
  validateMediaPlacementNetworkType,
  validateListLength,
  validateMaxResults,
  validateMediaRegionForControlRegion,
  validateNotificationTargets,
  validateResourceArn,
} from "../../chime/validate";

const guid = "582e3b1f-115a-8024-a8dc-b3257e3e4856";
const paths = (vs: { path: string }[]) => vs.map((v) => v.path);

describe("chime request-level validators", () => {
  it("accepts a 2-character client request token and rejects a 1-character one", () => {
    assert.deepEqual(validateClientRequestToken("ab"), []);
    assert.deepEqual(paths(validateClientRequestToken("a")), ["clientRequestToken"]);
  });
  it("accepts a 64-character client request token and rejects 65 characters", () => {
    assert.deepEqual(validateClientRequestToken("a".repeat(64)), []);
    assert.deepEqual(paths(validateClientRequestToken("a".repeat(65))), ["clientRequestToken"]);
  });
  it("rejects a client request token with a dot", () => {
    assert.deepEqual(paths(validateClientRequestToken("a.b")), ["clientRequestToken"]);
  });
  it("accepts a GUID in either case and rejects a short id with one message", () => {
    assert.deepEqual(validateGuid(guid, "meetingId"), []);
    assert.deepEqual(validateGuid(guid.toUpperCase(), "meetingId"), []);
    assert.deepEqual(validateGuid("m1", "meetingId").map(formatViolation), [
      'meetingId: value "m1" must match the pattern [a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}',
    ]);
  });
  it("accepts max-results 1 and 100 and rejects 0 and 101", () => {
    assert.deepEqual([...validateMaxResults(1), ...validateMaxResults(100), ...validateMaxResults(undefined)], []);
    assert.deepEqual(paths([...validateMaxResults(0), ...validateMaxResults(101)]), ["maxResults", "maxResults"]);
  });
  it("accepts an ARN of 1011 characters and rejects 1012 or a non-ARN", () => {
    assert.deepEqual(validateResourceArn("arn:" + "x".repeat(1007)), []);
    assert.deepEqual(paths(validateResourceArn("arn:" + "x".repeat(1008))), ["resourceArn"]);
    assert.deepEqual(paths(validateResourceArn("meeting/1")), ["resourceArn"]);
  });
  it("accepts 20 attendees in a 20-item list and rejects 21 or none", () => {
    assert.deepEqual(validateListLength(new Array(20).fill({}), 20, "attendees"), []);
    assert.deepEqual(paths(validateListLength(new Array(21).fill({}), 20, "attendees")), ["attendees"]);
    assert.deepEqual(paths(validateListLength([], 20, "attendees")), ["attendees"]);
  });
  it("accepts 250 excluded attendee ids and rejects 251 or a bad id", () => {
    const ids = (n: number) => new Array(n).fill({ attendeeId: guid });
    assert.deepEqual(validateExcludedAttendeeIds(ids(250)), []);
    assert.deepEqual(paths(validateExcludedAttendeeIds(ids(251))), ["excludedAttendeeIds"]);
    assert.deepEqual(paths(validateExcludedAttendeeIds([{ attendeeId: "x" }])), ["excludedAttendeeIds[0].attendeeId"]);
  });
  it("accepts API regions with an endpoint and rejects a media-only region", () => {
    assert.deepEqual(validateControlRegion("eu-central-1"), []);
    assert.deepEqual(paths(validateControlRegion("eu-west-1")), ["region"]);
  });
  it("keeps GovCloud meetings on GovCloud API regions", () => {
    assert.deepEqual(validateMediaRegionForControlRegion("us-gov-west-1", "us-gov-east-1"), []);
    assert.deepEqual(validateMediaRegionForControlRegion("eu-west-1", "us-east-1"), []);
    assert.deepEqual(paths(validateMediaRegionForControlRegion("us-gov-west-1", "us-east-1")), ["mediaRegion"]);
  });
  it("accepts SNS and SQS targets in the API region and any-region Lambda", () => {
    assert.deepEqual(
      validateNotificationTargets(
        {
          snsTopicArn: "arn:aws:sns:us-east-1:123456789012:t",
          sqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:q",
          lambdaFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:f",
        },
        "us-east-1",
      ),
      [],
    );
  });
  it("rejects an SQS target in another region and an SNS ARN given as the queue", () => {
    assert.deepEqual(
      validateNotificationTargets({ sqsQueueArn: "arn:aws:sqs:us-west-2:123456789012:q" }, "us-east-1").map(formatViolation),
      [
        'notificationsConfiguration.sqsQueueArn: value "arn:aws:sqs:us-west-2:123456789012:q" must be in the API region us-east-1 that creates the meeting',
      ],
    );
    assert.deepEqual(paths(validateNotificationTargets({ sqsQueueArn: "arn:aws:sns:us-east-1:123456789012:t" }, "us-east-1")), [
      "notificationsConfiguration.sqsQueueArn",
    ]);
  });
});

describe("chime validateMediaPlacementNetworkType", () => {
  it("accepts Ipv4Only, DualStack and absence; rejects anything else", () => {
    assert.deepEqual(
      [
        ...validateMediaPlacementNetworkType("Ipv4Only"),
        ...validateMediaPlacementNetworkType("DualStack"),
        ...validateMediaPlacementNetworkType(undefined),
      ],
      [],
    );
    assert.deepEqual(validateMediaPlacementNetworkType("Ipv6").map(formatViolation), [
      'mediaPlacementNetworkType: value "Ipv6" must be one of Ipv4Only, DualStack',
    ]);
  });
});
