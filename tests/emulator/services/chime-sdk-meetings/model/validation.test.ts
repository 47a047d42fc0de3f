import assert from "node:assert/strict";
import {
  CreateAttendeeCommand,
  CreateMeetingCommand,
  CreateMeetingWithAttendeesCommand,
  type CreateMeetingCommandInput,
  type CreateAttendeeRequestItem,
} from "@aws-sdk/client-chime-sdk-meetings";
import { rejectsWith, useEmulator } from "../../../support";

const base: CreateMeetingCommandInput = { MediaRegion: "us-east-1", ExternalMeetingId: "valid-id" };
const repeat = (n: number, s = "a") => s.repeat(n);
const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: "v" }));

/** `error` is the exact BadRequestException message; undefined means the request is accepted. */
interface Row {
  name: string;
  input: Partial<CreateMeetingCommandInput>;
  error?: string;
}

const meetingRows: Row[] = [
  {
    name: "an unlisted media region",
    input: { MediaRegion: "eu-south-2" },
    error:
      'MediaRegion: value "eu-south-2" must be one of the media regions af-south-1, ap-northeast-1, ap-northeast-2, ap-south-1, ap-southeast-1, ap-southeast-2, ca-central-1, eu-central-1, eu-north-1, eu-south-1, eu-west-1, eu-west-2, eu-west-3, sa-east-1, us-east-1, us-east-2, us-west-1, us-west-2, us-gov-east-1, us-gov-west-1',
  },
  { name: "a listed opt-in media region", input: { MediaRegion: "af-south-1" } },
  {
    name: "a 1-character ExternalMeetingId",
    input: { ExternalMeetingId: "a" },
    error: 'ExternalMeetingId: value "a" must be 2 to 64 characters long',
  },
  { name: "a 2-character ExternalMeetingId", input: { ExternalMeetingId: "ab" } },
  {
    name: "a 65-character ExternalMeetingId",
    input: { ExternalMeetingId: repeat(65) },
    error: `ExternalMeetingId: value "${repeat(65)}" must be 2 to 64 characters long`,
  },
  { name: "a 64-character ExternalMeetingId", input: { ExternalMeetingId: repeat(64) } },
  {
    name: "an ExternalMeetingId starting with AWS:",
    input: { ExternalMeetingId: "AWS:meeting" },
    error: 'ExternalMeetingId: value "AWS:meeting" must not begin with the reserved prefix "aws:" (case-insensitive)',
  },
  { name: "an ExternalMeetingId with aws: inside", input: { ExternalMeetingId: "my-aws:meeting" } },
  {
    name: "an ExternalMeetingId with a forbidden character",
    input: { ExternalMeetingId: "a*b" },
    error: 'ExternalMeetingId: value "a*b" must match the pattern [-_&@+=,(){}\\[\\]\\/«».:|\'"#a-zA-Z0-9À-ÿ\\s]*',
  },
  {
    name: "a MeetingHostId starting with aWs:",
    input: { MeetingHostId: "aWs:host" },
    error: 'MeetingHostId: value "aWs:host" must not begin with the reserved prefix "aws:" (case-insensitive)',
  },
  { name: "a plain MeetingHostId", input: { MeetingHostId: "host-1" } },
  {
    name: "MaxCount 251",
    input: { MeetingFeatures: { Attendee: { MaxCount: 251 } } },
    error: "MeetingFeatures.Attendee.MaxCount: value 251 must be an integer from 1 to 250",
  },
  { name: "MaxCount 250", input: { MeetingFeatures: { Attendee: { MaxCount: 250 } } } },
  {
    name: "MaxCount 0",
    input: { MeetingFeatures: { Attendee: { MaxCount: 0 } } },
    error: "MeetingFeatures.Attendee.MaxCount: value 0 must be an integer from 1 to 250",
  },
  { name: "MaxCount 1", input: { MeetingFeatures: { Attendee: { MaxCount: 1 } } } },
  {
    name: "video FHD with MaxCount 26",
    input: { MeetingFeatures: { Video: { MaxResolution: "FHD" }, Attendee: { MaxCount: 26 } } },
    error:
      "MeetingFeatures.Attendee.MaxCount: value 26 must be at most 25 when MeetingFeatures.Video.MaxResolution is FHD or MeetingFeatures.Content.MaxResolution is UHD",
  },
  { name: "video FHD with MaxCount 25", input: { MeetingFeatures: { Video: { MaxResolution: "FHD" }, Attendee: { MaxCount: 25 } } } },
  {
    name: "video FHD without MaxCount",
    input: { MeetingFeatures: { Video: { MaxResolution: "FHD" } } },
    error:
      "MeetingFeatures.Attendee.MaxCount: value undefined is required when MeetingFeatures.Video.MaxResolution is FHD or MeetingFeatures.Content.MaxResolution is UHD",
  },
  {
    name: "content UHD with MaxCount 26",
    input: { MeetingFeatures: { Content: { MaxResolution: "UHD" }, Attendee: { MaxCount: 26 } } },
    error:
      "MeetingFeatures.Attendee.MaxCount: value 26 must be at most 25 when MeetingFeatures.Video.MaxResolution is FHD or MeetingFeatures.Content.MaxResolution is UHD",
  },
  { name: "content UHD with MaxCount 25", input: { MeetingFeatures: { Content: { MaxResolution: "UHD" }, Attendee: { MaxCount: 25 } } } },
  {
    name: "an unknown video resolution",
    input: { MeetingFeatures: { Video: { MaxResolution: "UHD" as "FHD" } } },
    error: 'MeetingFeatures.Video.MaxResolution: value "UHD" must be one of None, HD, FHD',
  },
  {
    name: "an unknown echo reduction status",
    input: { MeetingFeatures: { Audio: { EchoReduction: "ON" as "AVAILABLE" } } },
    error: 'MeetingFeatures.Audio.EchoReduction: value "ON" must be one of AVAILABLE, UNAVAILABLE',
  },
  {
    name: "6 TenantIds",
    input: { TenantIds: ["t1", "t2", "t3", "t4", "t5", "t6"] },
    error: 'TenantIds: value "6 items" must have 1 to 5 items',
  },
  { name: "5 TenantIds", input: { TenantIds: ["t1", "t2", "t3", "t4", "t5"] } },
  {
    name: "a TenantId with a character 4 times in a row",
    input: { TenantIds: ["abbbbc"] },
    error: 'TenantIds[0]: value "abbbbc" must match the pattern ^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$',
  },
  { name: "a TenantId with a character 3 times in a row", input: { TenantIds: ["abbbc"] } },
  { name: "51 tags", input: { Tags: tags(51) }, error: 'Tags: value "51 items" must have at most 50 items' },
  { name: "50 tags", input: { Tags: tags(50) } },
  {
    name: "a tag key starting with AWS:",
    input: { Tags: [{ Key: "AWS:x", Value: "v" }] },
    error: 'Tags[0].Key: value "AWS:x" must not begin with the reserved prefix "aws:" (case-insensitive)',
  },
  {
    name: "a 129-character tag key",
    input: { Tags: [{ Key: repeat(129), Value: "v" }] },
    error: `Tags[0].Key: value "${repeat(99)}… (131 characters) must be 1 to 128 characters long`,
  },
  { name: "a 128-character tag key", input: { Tags: [{ Key: repeat(128), Value: "v" }] } },
  {
    name: "a 257-character tag value",
    input: { Tags: [{ Key: "k", Value: repeat(257) }] },
    error: `Tags[0].Value: value "${repeat(99)}… (259 characters) must be at most 256 characters long`,
  },
  { name: "a 256-character tag value", input: { Tags: [{ Key: "k", Value: repeat(256) }] } },
  {
    name: "a 65-character ClientRequestToken",
    input: { ClientRequestToken: repeat(65) },
    error: `ClientRequestToken: value "${repeat(65)}" must be 2 to 64 characters long`,
  },
  { name: "a 64-character ClientRequestToken", input: { ClientRequestToken: repeat(64) } },
  {
    name: "an SQS target in another region than the API region",
    input: { NotificationsConfiguration: { SqsQueueArn: "arn:aws:sqs:us-west-2:123456789012:q" } },
    error:
      'NotificationsConfiguration.SqsQueueArn: value "arn:aws:sqs:us-west-2:123456789012:q" must be in the API region us-east-1 that creates the meeting',
  },
  {
    name: "an SQS target in the API region",
    input: { NotificationsConfiguration: { SqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:q" } },
  },
  {
    name: "a notification ARN with a space",
    input: { NotificationsConfiguration: { SnsTopicArn: "arn:aws:sns:us-east-1:1:t t" } },
    error:
      'NotificationsConfiguration.SnsTopicArn: value "arn:aws:sns:us-east-1:1:t t" must match the pattern ^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$',
  },
  {
    name: "an unknown MediaPlacementNetworkType",
    input: { MediaPlacementNetworkType: "Ipv6Only" as "DualStack" },
    error: 'MediaPlacementNetworkType: value "Ipv6Only" must be one of Ipv4Only, DualStack',
  },
  { name: "MediaPlacementNetworkType DualStack", input: { MediaPlacementNetworkType: "DualStack" } },
];

describe("emulator validation of CreateMeeting (every constraint: a rejecting case and an accepting boundary)", () => {
  const h = useEmulator();
  for (const row of meetingRows) {
    it(`${row.error ? "rejects" : "accepts"} ${row.name}`, async () => {
      const send = h.client().send(new CreateMeetingCommand({ ...base, ...row.input }));
      if (row.error) await rejectsWith(send, "BadRequestException", 400, row.error);
      else assert.ok((await send).Meeting?.MeetingId);
    });
  }

  it("reports every violation of one request in one message", async () => {
    await rejectsWith(
      h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "a", TenantIds: [] })),
      "BadRequestException",
      400,
      'ExternalMeetingId: value "a" must be 2 to 64 characters long; TenantIds: value "0 items" must have 1 to 5 items',
    );
  });
});

const attendeeRows: { name: string; item: CreateAttendeeRequestItem; video?: "None"; error?: string }[] = [
  {
    name: "a 1-character ExternalUserId",
    item: { ExternalUserId: "u" },
    error: 'ExternalUserId: value "u" must be 2 to 64 characters long',
  },
  { name: "a 2-character ExternalUserId", item: { ExternalUserId: "u1" } },
  {
    name: "a 65-character ExternalUserId",
    item: { ExternalUserId: repeat(65) },
    error: `ExternalUserId: value "${repeat(65)}" must be 2 to 64 characters long`,
  },
  { name: "a 64-character ExternalUserId", item: { ExternalUserId: repeat(64) } },
  {
    name: "an ExternalUserId starting with Aws:",
    item: { ExternalUserId: "Aws:u" },
    error: 'ExternalUserId: value "Aws:u" must not begin with the reserved prefix "aws:" (case-insensitive)',
  },
  {
    name: "content Receive with video Send",
    item: { ExternalUserId: "u1", Capabilities: { Audio: "None", Video: "Send", Content: "Receive" } },
    error: 'Capabilities.Content: value "Receive" can be SendReceive or Receive only when video is SendReceive or Receive (video is Send)',
  },
  {
    name: "content Receive with video Receive",
    item: { ExternalUserId: "u1", Capabilities: { Audio: "None", Video: "Receive", Content: "Receive" } },
  },
  {
    name: "video Receive in a meeting without video",
    video: "None",
    item: { ExternalUserId: "u1", Capabilities: { Audio: "SendReceive", Video: "Receive", Content: "None" } },
    error: 'Capabilities.Video: value "Receive" must be None because MeetingFeatures.Video.MaxResolution is None',
  },
  {
    name: "video None in a meeting without video",
    video: "None",
    item: { ExternalUserId: "u1", Capabilities: { Audio: "SendReceive", Video: "None", Content: "Send" } },
  },
  {
    name: "capabilities missing Content",
    item: { ExternalUserId: "u1", Capabilities: { Audio: "None", Video: "None" } as never },
    error: "Capabilities.Content: value undefined is required",
  },
];

describe("emulator validation of CreateAttendee", () => {
  const h = useEmulator();
  for (const row of attendeeRows) {
    it(`${row.error ? "rejects" : "accepts"} ${row.name}`, async () => {
      const features = row.video ? { Video: { MaxResolution: row.video } } : undefined;
      const { Meeting } = await h.client().send(new CreateMeetingCommand({ ...base, MeetingFeatures: features }));
      const send = h.client().send(new CreateAttendeeCommand({ MeetingId: Meeting?.MeetingId, ...row.item }));
      if (row.error) await rejectsWith(send, "BadRequestException", 400, row.error);
      else assert.equal((await send).Attendee?.ExternalUserId, row.item.ExternalUserId);
    });
  }

  it("CreateMeetingWithAttendees accepts 20 attendees and rejects 21", async () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ ExternalUserId: `user-${i}` }));
    await rejectsWith(
      h.client().send(new CreateMeetingWithAttendeesCommand({ ...base, Attendees: people(21) })),
      "BadRequestException",
      400,
      'Attendees: value "21 items" must have 1 to 20 items',
    );
    const ok = await h.client().send(new CreateMeetingWithAttendeesCommand({ ...base, Attendees: people(20) }));
    assert.equal(ok.Attendees?.length, 20);
  });
});
