import assert from "node:assert/strict";
import { assertFired, goodMeeting, meeting, only, type MeetingProps } from "../support";

type Row = [sentence: string, props: MeetingProps, expected: string[], config?: Record<string, unknown>];

const base = goodMeeting();
const features = (f: Record<string, unknown>) => ({ ...base, meetingFeatures: f });
const attendees = (n: number, prefix = "user") => Array.from({ length: n }, (_, i) => ({ externalUserId: `${prefix}-${i}` }));

const rows: Row[] = [
  ["accepts the happy-path meeting", base, []],
  ["accepts a meeting without features (service defaults)", { ...base, meetingFeatures: undefined }, []],
  [
    "refuses a video resolution outside the allowed list",
    features({ video: { maxResolution: "FHD" }, attendee: { maxCount: 25 } }),
    ["chime-meeting-limit-video-resolution"],
    { "chime-meeting-limit-video-resolution": { allowedResolutions: ["None", "HD"] } },
  ],
  [
    "counts an absent video resolution as the service default HD",
    features({}),
    ["chime-meeting-limit-video-resolution"],
    { "chime-meeting-limit-video-resolution": { allowedResolutions: ["None"] } },
  ],
  [
    "refuses a content resolution outside the allowed list",
    features({ content: { maxResolution: "UHD" }, attendee: { maxCount: 25 } }),
    ["chime-meeting-limit-content-resolution"],
    { "chime-meeting-limit-content-resolution": { allowedResolutions: ["None", "FHD"] } },
  ],
  [
    "counts an absent content resolution as the service default FHD",
    features({}),
    ["chime-meeting-limit-content-resolution"],
    { "chime-meeting-limit-content-resolution": { allowedResolutions: ["None"] } },
  ],
  ["accepts MaxCount 25 with video FHD", { ...features({ video: { maxResolution: "FHD" }, attendee: { maxCount: 25 } }) }, []],
  [
    "refuses MaxCount 26 with video FHD (service rule)",
    features({ video: { maxResolution: "FHD" }, attendee: { maxCount: 26 } }),
    ["chime-meeting-enforce-feature-rules"],
  ],
  [
    "refuses content UHD without MaxCount (service rule)",
    features({ content: { maxResolution: "UHD" } }),
    ["chime-meeting-enforce-feature-rules"],
  ],
  [
    "refuses MaxCount 0 and an unknown enum value (service rules)",
    features({ video: { maxResolution: "4K" }, attendee: { maxCount: 0 } }),
    ["chime-meeting-enforce-feature-rules"],
  ],
  [
    "accepts MaxCount equal to the organisation ceiling",
    features({ attendee: { maxCount: 100 } }),
    [],
    { "chime-meeting-limit-attendee-max-count": { maximum: 100 } },
  ],
  [
    "refuses MaxCount one above the organisation ceiling",
    features({ attendee: { maxCount: 101 } }),
    ["chime-meeting-limit-attendee-max-count"],
    { "chime-meeting-limit-attendee-max-count": { maximum: 100 } },
  ],
  [
    "refuses a missing MaxCount when the organisation requires it",
    features({}),
    ["chime-meeting-limit-attendee-max-count"],
    { "chime-meeting-limit-attendee-max-count": { required: true } },
  ],
  [
    "leaves MaxCount 300 to the service rule only",
    features({ attendee: { maxCount: 300 } }),
    ["chime-meeting-enforce-feature-rules"],
    { "chime-meeting-limit-attendee-max-count": { maximum: 100 } },
  ],
  [
    "leaves an echo reduction status the service does not know to the feature rule only",
    features({ audio: { echoReduction: "ON" } }),
    ["chime-meeting-enforce-feature-rules"],
    { "chime-meeting-configure-echo-reduction": { echoReduction: "required" } },
  ],
  ["refuses features that are not an object (service rule)", { ...base, meetingFeatures: "HD" }, ["chime-meeting-enforce-feature-rules"]],
  [
    "refuses echo reduction when it is required but absent",
    features({}),
    ["chime-meeting-configure-echo-reduction"],
    { "chime-meeting-configure-echo-reduction": { echoReduction: "required" } },
  ],
  [
    "accepts echo reduction when it is required and AVAILABLE",
    base,
    [],
    { "chime-meeting-configure-echo-reduction": { echoReduction: "required" } },
  ],
  [
    "refuses echo reduction when it is forbidden",
    base,
    ["chime-meeting-configure-echo-reduction"],
    { "chime-meeting-configure-echo-reduction": { echoReduction: "forbidden" } },
  ],
  [
    "accepts 25 declared attendees with video FHD and MaxCount 25",
    { ...features({ video: { maxResolution: "FHD" }, attendee: { maxCount: 25 } }), attendees: attendees(25) },
    [],
  ],
  ["refuses 11 declared attendees with MaxCount 10", { ...base, attendees: attendees(11) }, ["chime-meeting-limit-declared-attendees"]],
  ["accepts 250 declared attendees without MaxCount", { ...base, meetingFeatures: undefined, attendees: attendees(250) }, []],
  [
    "refuses 26 declared attendees with content UHD and MaxCount 25",
    { ...features({ content: { maxResolution: "UHD" }, attendee: { maxCount: 25 } }), attendees: attendees(26) },
    ["chime-meeting-limit-declared-attendees"],
  ],
  [
    "refuses 251 declared attendees without MaxCount",
    { ...base, meetingFeatures: undefined, attendees: attendees(251) },
    ["chime-meeting-limit-declared-attendees"],
  ],
  [
    "refuses video capability on a meeting without video",
    {
      ...features({ video: { maxResolution: "None" } }),
      attendees: [{ externalUserId: "agent-a", capabilities: { audio: "SendReceive", video: "Receive", content: "Receive" } }],
    },
    ["chime-meeting-enforce-attendee-capabilities"],
  ],
  [
    "refuses content capability on a meeting without content share",
    {
      ...features({ content: { maxResolution: "None" } }),
      attendees: [{ externalUserId: "agent-a", capabilities: { audio: "SendReceive", video: "Receive", content: "Send" } }],
    },
    ["chime-meeting-enforce-attendee-capabilities"],
  ],
  [
    "accepts video receive with content not receiving (the documented allowed case)",
    { ...base, attendees: [{ externalUserId: "agent-a", capabilities: { audio: "Receive", video: "Receive", content: "None" } }] },
    [],
  ],
  [
    "refuses content receive without video receive",
    { ...base, attendees: [{ externalUserId: "agent-a", capabilities: { audio: "SendReceive", video: "Send", content: "Receive" } }] },
    ["chime-meeting-enforce-attendee-capabilities"],
  ],
  [
    "accepts content Send with video None on a meeting without video",
    {
      ...features({ video: { maxResolution: "None" } }),
      attendees: [{ externalUserId: "agent-a", capabilities: { audio: "SendReceive", video: "None", content: "Send" } }],
    },
    [],
  ],
  [
    "refuses an ExternalMeetingId with the reserved prefix in any case",
    { ...base, externalMeetingId: "AWS:standup" },
    ["chime-meeting-enforce-external-id-format"],
  ],
  ["refuses a one-character ExternalMeetingId", { ...base, externalMeetingId: "x" }, ["chime-meeting-enforce-external-id-format"]],
  [
    "refuses an ExternalUserId with a forbidden character",
    { ...base, attendees: [{ externalUserId: "alice<script>" }] },
    ["chime-meeting-enforce-external-id-format"],
  ],
  [
    "refuses an ExternalMeetingId outside the organisation pattern",
    { ...base, externalMeetingId: "Weekly_Standup" },
    ["chime-meeting-configure-external-id-pattern"],
    { "chime-meeting-configure-external-id-pattern": { externalMeetingIdPattern: "^[a-z0-9-]+$" } },
  ],
  [
    "refuses an ExternalUserId outside the organisation pattern",
    base,
    ["chime-meeting-configure-external-id-pattern"],
    { "chime-meeting-configure-external-id-pattern": { externalUserIdPattern: "^user-" } },
  ],
  [
    "refuses a FIFO queue as the meeting's SQS target",
    { ...base, notificationsConfiguration: { sqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:events.fifo" } },
    ["chime-meeting-disallow-fifo-queue-target"],
  ],
];

describe("meeting rules", () => {
  for (const [sentence, props, expected, config] of rows) {
    it(sentence, async () => {
      await assertFired([meeting(props)], expected, config);
    });
  }

  it("names the resource, field, value, limit and fix in a violation", async () => {
    const violations = await assertFired(
      [meeting(features({ video: { maxResolution: "FHD" }, attendee: { maxCount: 25 } }))],
      ["chime-meeting-limit-video-resolution"],
      { "chime-meeting-limit-video-resolution": { allowedResolutions: ["None", "HD"] } },
    );
    assert.equal(
      only(violations, "chime-meeting-limit-video-resolution"),
      'chime:Meeting \'standup\': meetingFeatures.video.maxResolution is "FHD" but the allowed video resolutions are ["None","HD"]. ' +
        "Fix: set meetingFeatures.video.maxResolution to one of None, HD.",
    );
  });

  it("reports the MaxCount 26 with FHD violation with chime/'s rule text", async () => {
    const violations = await assertFired(
      [meeting(features({ video: { maxResolution: "FHD" }, attendee: { maxCount: 26 } }))],
      ["chime-meeting-enforce-feature-rules"],
    );
    assert.match(
      only(violations, "chime-meeting-enforce-feature-rules"),
      /meetingFeatures\.attendee\.maxCount is 26 but it must be at most 25 when/,
    );
  });

  it("refuses two meetings of one stack sharing an ExternalMeetingId, naming each other", async () => {
    const violations = await assertFired(
      [meeting(base, "a"), meeting(base, "b"), meeting({ ...base, externalMeetingId: "other" }, "c")],
      ["chime-meeting-disallow-duplicate-external-ids"],
    );
    assert.equal(violations.length, 2);
    assert.match(violations[0].message, /chime:Meeting 'a': externalMeetingId is "weekly-standup" but meetings 'b'/);
  });

  it("fails loudly on an organisation pattern that is not a regular expression", async () => {
    await assert.rejects(
      assertFired([meeting(base)], [], { "chime-meeting-configure-external-id-pattern": { externalMeetingIdPattern: "([" } }),
      /chime-meeting-configure-external-id-pattern: invalid config: externalMeetingIdPattern value "\(\[" is not a valid regular expression/,
    );
  });
});
