import assert from "node:assert/strict";
import { UNKNOWN } from "../../components/meeting/unknown";
import { baseInputs, configuredProvider } from "./helpers";

describe("Meeting provider check()", () => {
  it("accepts valid inputs and fills the control region and an idempotency token", async () => {
    const provider = await configuredProvider();
    const result = await provider.check({} as never, baseInputs({ tags: { team: "comms" } }));
    assert.deepEqual(result.failures, []);
    assert.equal(result.inputs?.region, "us-east-1");
    assert.match(result.inputs?.clientRequestToken ?? "", /^[-_a-zA-Z0-9]{2,64}$/);
  });

  const cases: { name: string; inputs: Record<string, unknown>; property: string; reason: string }[] = [
    {
      name: "rejects a media region the service does not host",
      inputs: { mediaRegion: "mars-north-1" },
      property: "mediaRegion",
      reason: 'mediaRegion: value "mars-north-1" must be one of the media regions',
    },
    {
      name: "rejects an external meeting id with the reserved aws: prefix",
      inputs: { externalMeetingId: "AWS:townhall" },
      property: "externalMeetingId",
      reason: 'externalMeetingId: value "AWS:townhall" must not begin with the reserved prefix "aws:" (case-insensitive)',
    },
    {
      name: "rejects MaxCount above 250",
      inputs: { meetingFeatures: { attendee: { maxCount: 251 } } },
      property: "meetingFeatures.attendee.maxCount",
      reason: "meetingFeatures.attendee.maxCount: value 251 must be an integer from 1 to 250",
    },
    {
      name: "requires MaxCount with FHD video",
      inputs: { meetingFeatures: { video: { maxResolution: "FHD" } } },
      property: "meetingFeatures.attendee.maxCount",
      reason: "meetingFeatures.attendee.maxCount: value undefined is required when meetingFeatures.video.maxResolution is FHD",
    },
    {
      name: "rejects a tag key with the reserved aws: prefix, naming the tag",
      inputs: { tags: { team: "comms", "aws:owner": "x" } },
      property: 'tags["aws:owner"]',
      reason: 'tags["aws:owner"]: value "aws:owner" must not begin with the reserved prefix',
    },
    {
      name: "rejects tags given as a list instead of a map",
      inputs: { tags: [{ key: "a", value: "b" }] },
      property: "tags",
      reason: 'tags: value [{"key":"a","value":"b"}] must be a map of tag key to tag value',
    },
    {
      name: "rejects video capabilities when the meeting has no video",
      inputs: {
        meetingFeatures: { video: { maxResolution: "None" } },
        attendees: [{ externalUserId: "alice", capabilities: { audio: "SendReceive", video: "Send", content: "None" } }],
      },
      property: "attendees[0].capabilities.video",
      reason: 'attendees[0].capabilities.video: value "Send" must be None because meetingFeatures.video.maxResolution is None',
    },
    {
      name: "rejects more attendees than MaxCount allows",
      inputs: {
        meetingFeatures: { attendee: { maxCount: 2 } },
        attendees: [{ externalUserId: "alice" }, { externalUserId: "bob1" }, { externalUserId: "carol" }],
      },
      property: "attendees",
      reason: "attendees: value 3 must not exceed 2 attendees per meeting (meetingFeatures.attendee.maxCount is 2)",
    },
    {
      name: "rejects two attendees with one externalUserId",
      inputs: { attendees: [{ externalUserId: "alice" }, { externalUserId: "alice" }] },
      property: "attendees[1].externalUserId",
      reason: 'attendees[1].externalUserId: value "alice" must be unique among the meeting\'s attendees',
    },
    {
      name: "rejects a control region without a Chime SDK Meetings endpoint",
      inputs: { region: "eu-west-1" },
      property: "region",
      reason: 'region: value "eu-west-1" must be a Chime SDK Meetings API region',
    },
    {
      name: "rejects a GovCloud media region from a commercial control region",
      inputs: { mediaRegion: "us-gov-west-1" },
      property: "mediaRegion",
      reason: 'mediaRegion: value "us-gov-west-1" must be in the same partition as the API region us-east-1',
    },
    {
      name: "rejects an SQS target outside the control region",
      inputs: { notificationsConfiguration: { sqsQueueArn: "arn:aws:sqs:eu-west-1:123456789012:events" } },
      property: "notificationsConfiguration.sqsQueueArn",
      reason:
        'notificationsConfiguration.sqsQueueArn: value "arn:aws:sqs:eu-west-1:123456789012:events" must be in the API region us-east-1',
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const provider = await configuredProvider();
      const result = await provider.check({} as never, baseInputs(c.inputs));
      const failure = result.failures?.find((f) => f.property === c.property);
      assert.ok(failure, `expected a failure on ${c.property}, got ${JSON.stringify(result.failures)}`);
      assert.ok(failure.reason.startsWith(c.reason), `reason was: ${failure.reason}`);
    });
  }

  it("names every way to set the region when none is configured", async () => {
    const saved = {
      AWS_REGION: process.env.AWS_REGION,
      AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION,
      AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE,
    };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    process.env.AWS_CONFIG_FILE = "/nonexistent/aws-config";
    try {
      const provider = await configuredProvider({});
      const result = await provider.check({} as never, baseInputs());
      assert.deepEqual(
        result.failures?.map((f) => f.property),
        ["region"],
      );
      assert.match(result.failures?.[0].reason ?? "", /chime-meetings:region/);
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  it("prefers the resource's region input over stack config", async () => {
    const provider = await configuredProvider({ "chime-meetings:region": "us-east-1" });
    const result = await provider.check({} as never, baseInputs({ region: "eu-central-1", mediaRegion: "eu-central-1" }));
    assert.deepEqual(result.failures, []);
    assert.equal(result.inputs?.region, "eu-central-1");
  });

  it("skips rules on values that are unknown during a preview", async () => {
    const provider = await configuredProvider();
    const result = await provider.check(
      {} as never,
      baseInputs({
        primaryMeetingId: UNKNOWN,
        tags: { owner: UNKNOWN },
        meetingFeatures: { attendee: { maxCount: UNKNOWN as unknown as number } },
        attendees: [{ externalUserId: UNKNOWN }],
      }),
    );
    assert.deepEqual(result.failures, []);
  });

  it("leaves the token unknown while a create-only input is unknown", async () => {
    const provider = await configuredProvider();
    const result = await provider.check({} as never, baseInputs({ primaryMeetingId: UNKNOWN }));
    assert.equal(result.inputs?.clientRequestToken, undefined);
  });

  it("still reports broken known values next to unknown ones", async () => {
    const provider = await configuredProvider();
    const result = await provider.check({} as never, baseInputs({ primaryMeetingId: UNKNOWN, mediaRegion: "nowhere" }));
    assert.deepEqual(
      result.failures?.map((f) => f.property),
      ["mediaRegion"],
    );
  });
});
