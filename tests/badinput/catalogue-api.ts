// Catalogue (c): invalid requests sent straight to the API (tests: api.test.ts).
import {
  BatchCreateAttendeeCommand,
  type ChimeSDKMeetingsClient,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  CreateMeetingWithAttendeesCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  StartMeetingTranscriptionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAttendeeCapabilitiesCommand,
  type MediaCapabilities,
} from "@aws-sdk/client-chime-sdk-meetings";
import type { BadInputRow } from "./rows";

/** Rows of catalogue (c): each sends one invalid request through the JS SDK v3. */
export interface Live {
  client: ChimeSDKMeetingsClient;
  meetingId: string;
  meetingArn: string;
  attendeeId: string;
}
export type Call = (live: Live) => Promise<unknown>;

const users = (n: number) => Array.from({ length: n }, (_, i) => ({ ExternalUserId: `user-${i}` }));
export const caps = (audio: string, video: string, content: string) =>
  ({ Audio: audio, Video: video, Content: content }) as unknown as {
    Audio: MediaCapabilities;
    Video: MediaCapabilities;
    Content: MediaCapabilities;
  };

export const API_ROWS: BadInputRow<Call>[] = [
  {
    name: "CreateMeeting refuses a MediaRegion the service does not host",
    input: ({ client }) => client.send(new CreateMeetingCommand({ MediaRegion: "moon-1", ExternalMeetingId: "api-bad" })),
    field: "MediaRegion",
    value: '"moon-1"',
    rule: "must be one of the media regions",
  },
  {
    name: "CreateMeeting refuses an empty TenantIds list",
    input: ({ client }) => client.send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "api-bad", TenantIds: [] })),
    field: "TenantIds",
    value: "0 items",
    rule: "must have 1 to 5 items",
  },
  {
    name: "CreateMeeting refuses a MaxCount that is not an integer",
    input: ({ client }) =>
      client.send(
        new CreateMeetingCommand({
          MediaRegion: "us-east-1",
          ExternalMeetingId: "api-bad",
          MeetingFeatures: { Attendee: { MaxCount: 2.5 } },
        }),
      ),
    field: "MeetingFeatures.Attendee.MaxCount",
    value: "2.5",
    rule: "must be an integer from 1 to 250",
  },
  {
    name: "CreateMeetingWithAttendees refuses 21 attendees",
    input: ({ client }) =>
      client.send(new CreateMeetingWithAttendeesCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "api-bad", Attendees: users(21) })),
    field: "Attendees",
    value: "21 items",
    rule: "must have 1 to 20 items",
  },
  {
    name: "GetMeeting refuses a MeetingId that is not a GUID",
    input: ({ client }) => client.send(new GetMeetingCommand({ MeetingId: "not-a-guid" })),
    field: "MeetingId",
    value: '"not-a-guid"',
    rule: "must match the pattern",
  },
  {
    name: "CreateAttendee refuses a one-character ExternalUserId",
    input: ({ client, meetingId }) => client.send(new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: "x" })),
    field: "ExternalUserId",
    value: '"x"',
    rule: "must be 2 to 64 characters long",
  },
  {
    name: "CreateAttendee refuses an ExternalUserId with the reserved aws: prefix",
    input: ({ client, meetingId }) => client.send(new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: "aws:bot" })),
    field: "ExternalUserId",
    value: '"aws:bot"',
    rule: 'must not begin with the reserved prefix "aws:"',
  },
  {
    name: "CreateAttendee refuses an audio capability the API does not offer",
    input: ({ client, meetingId }) =>
      client.send(
        new CreateAttendeeCommand({ MeetingId: meetingId, ExternalUserId: "loud-user", Capabilities: caps("Loud", "None", "None") }),
      ),
    field: "Capabilities.Audio",
    value: '"Loud"',
    rule: "must be one of SendReceive, Send, Receive, None",
  },
  {
    name: "BatchCreateAttendee refuses 101 attendees",
    input: ({ client, meetingId }) => client.send(new BatchCreateAttendeeCommand({ MeetingId: meetingId, Attendees: users(101) })),
    field: "Attendees",
    value: "101 items",
    rule: "must have 1 to 100 items",
  },
  {
    name: "ListAttendees refuses MaxResults 101",
    input: ({ client, meetingId }) => client.send(new ListAttendeesCommand({ MeetingId: meetingId, MaxResults: 101 })),
    field: "MaxResults",
    value: "101",
    rule: "must be an integer from 1 to 100",
  },
  {
    name: "TagResource refuses a ResourceARN that is not an ARN",
    input: ({ client }) => client.send(new TagResourceCommand({ ResourceARN: "meeting-123", Tags: [{ Key: "team", Value: "comms" }] })),
    field: "ResourceARN",
    value: '"meeting-123"',
    rule: "must match the pattern",
  },
  {
    name: "TagResource refuses a tag value with a character outside the API's pattern",
    input: ({ client, meetingArn }) =>
      client.send(new TagResourceCommand({ ResourceARN: meetingArn, Tags: [{ Key: "team", Value: "comms!" }] })),
    field: "Tags[0].Value",
    value: '"comms!"',
    rule: "must match the pattern",
  },
  {
    name: "UntagResource refuses 51 tag keys",
    input: ({ client, meetingArn }) =>
      client.send(new UntagResourceCommand({ ResourceARN: meetingArn, TagKeys: Array.from({ length: 51 }, (_, i) => `k${i}`) })),
    field: "TagKeys",
    value: "51 items",
    rule: "at most 50 items",
  },
  {
    name: "UpdateAttendeeCapabilities refuses video for a meeting without video",
    input: ({ client, meetingId, attendeeId }) =>
      client.send(
        new UpdateAttendeeCapabilitiesCommand({
          MeetingId: meetingId,
          AttendeeId: attendeeId,
          Capabilities: caps("SendReceive", "Receive", "None"),
        }),
      ),
    field: "Capabilities.Video",
    value: '"Receive"',
    rule: "must be None",
  },
  {
    name: "UpdateAttendeeCapabilities refuses content Receive without video",
    input: ({ client, meetingId, attendeeId }) =>
      client.send(
        new UpdateAttendeeCapabilitiesCommand({
          MeetingId: meetingId,
          AttendeeId: attendeeId,
          Capabilities: caps("SendReceive", "None", "Receive"),
        }),
      ),
    field: "Capabilities.Content",
    value: '"Receive"',
    rule: "only when",
  },
  {
    name: "BatchCreateAttendee refuses the whole batch (creating no one) when one item's ExternalUserId has 1 character",
    input: ({ client, meetingId }) =>
      client.send(
        new BatchCreateAttendeeCommand({ MeetingId: meetingId, Attendees: [{ ExternalUserId: "fine-user" }, { ExternalUserId: "x" }] }),
      ),
    field: "Attendees[1].ExternalUserId",
    value: '"x"',
    rule: "must be 2 to 64 characters long",
  },
  {
    name: "CreateMeetingWithAttendees refuses the whole request (creating no meeting) when one item's capability is sendreceive",
    input: ({ client }) =>
      client.send(
        new CreateMeetingWithAttendeesCommand({
          MediaRegion: "us-east-1",
          ExternalMeetingId: "api-bad",
          Attendees: [{ ExternalUserId: "lower-case", Capabilities: caps("sendreceive", "None", "None") }],
        }),
      ),
    field: "Attendees[0].Capabilities.Audio",
    value: '"sendreceive"',
    rule: "must be one of SendReceive, Send, Receive, None",
  },
  {
    name: "CreateMeeting refuses a 64-character ExternalMeetingId ending in an emoji by its pattern (lengths are code points)",
    input: ({ client }) =>
      client.send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: `${"e".repeat(63)}\u{1F600}` })),
    field: "ExternalMeetingId",
    value: "\u{1F600}",
    rule: "must match the pattern",
  },
  {
    name: "CreateMeeting echoes at most 100 characters of a 100 000-character ClientRequestToken",
    input: ({ client }) =>
      client.send(
        new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "api-bad", ClientRequestToken: "t".repeat(100_000) }),
      ),
    field: "ClientRequestToken",
    value: `"${"t".repeat(99)}… (100002 characters)`,
    rule: "must be 2 to 64 characters long",
  },
  {
    name: "StartMeetingTranscription refuses a LanguageModelName with a space (the model's pattern, matched whole)",
    input: ({ client, meetingId }) =>
      client.send(
        new StartMeetingTranscriptionCommand({
          MeetingId: meetingId,
          TranscriptionConfiguration: { EngineTranscribeSettings: { LanguageCode: "en-US", LanguageModelName: "my model" } },
        }),
      ),
    field: "TranscriptionConfiguration.EngineTranscribeSettings.LanguageModelName",
    value: '"my model"',
    rule: "must match the pattern ^[0-9a-zA-Z._-]+",
  },
];
