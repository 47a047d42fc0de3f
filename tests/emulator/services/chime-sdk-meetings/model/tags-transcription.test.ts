import assert from "node:assert/strict";
import {
  CreateMeetingCommand,
  DeleteMeetingCommand,
  ListTagsForResourceCommand,
  StartMeetingTranscriptionCommand,
  StopMeetingTranscriptionCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-chime-sdk-meetings";
import { rejectsWith, useEmulator } from "../../../support";

describe("emulator tags and transcription over HTTP (JS SDK)", () => {
  const h = useEmulator();
  const newMeeting = async (tags?: { Key: string; Value: string }[]) =>
    (
      await h.client().send(
        new CreateMeetingCommand({
          MediaRegion: "us-east-1",
          ExternalMeetingId: "tagged",
          Tags: tags,
          NotificationsConfiguration: { SnsTopicArn: "arn:aws:sns:us-east-1:123456789012:topic" },
        }),
      )
    ).Meeting!;
  const tags = (n: number, prefix = "k") => Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: "v" }));

  it("TagResource adds and overwrites tags; ListTagsForResource lists them", async () => {
    const m = await newMeeting([{ Key: "team", Value: "a" }]);
    await h.client().send(
      new TagResourceCommand({
        ResourceARN: m.MeetingArn,
        Tags: [
          { Key: "team", Value: "b" },
          { Key: "cost", Value: "42" },
        ],
      }),
    );
    const { Tags } = await h.client().send(new ListTagsForResourceCommand({ ResourceARN: m.MeetingArn }));
    assert.deepEqual(Tags, [
      { Key: "team", Value: "b" },
      { Key: "cost", Value: "42" },
    ]);
  });

  it("UntagResource removes keys and ignores absent ones", async () => {
    const m = await newMeeting([
      { Key: "team", Value: "a" },
      { Key: "cost", Value: "1" },
    ]);
    await h.client().send(new UntagResourceCommand({ ResourceARN: m.MeetingArn, TagKeys: ["team", "never-there"] }));
    assert.deepEqual((await h.client().send(new ListTagsForResourceCommand({ ResourceARN: m.MeetingArn }))).Tags, [
      { Key: "cost", Value: "1" },
    ]);
  });

  it("a meeting can reach 50 tags through TagResource; the 51st is TooManyTagsException", async () => {
    const m = await newMeeting(tags(49));
    await h.client().send(new TagResourceCommand({ ResourceARN: m.MeetingArn, Tags: [{ Key: "fiftieth", Value: "v" }] }));
    await rejectsWith(
      h.client().send(new TagResourceCommand({ ResourceARN: m.MeetingArn, Tags: [{ Key: "fifty-first", Value: "v" }] })),
      "TooManyTagsException",
      400,
      `Resource ${m.MeetingArn} would have 51 tags; a resource can have at most 50 tags`,
    );
  });

  it("TooManyTagsException carries the ResourceName", async () => {
    const m = await newMeeting(tags(50));
    await assert.rejects(
      h.client().send(new TagResourceCommand({ ResourceARN: m.MeetingArn, Tags: [{ Key: "x", Value: "v" }] })),
      (err: { ResourceName?: string }) => err.ResourceName === m.MeetingArn,
    );
  });

  it("tagging with a reserved aws: key (any case) is BadRequestException", async () => {
    const m = await newMeeting();
    await rejectsWith(
      h.client().send(new TagResourceCommand({ ResourceARN: m.MeetingArn, Tags: [{ Key: "Aws:owner", Value: "v" }] })),
      "BadRequestException",
      400,
      'Tags[0].Key: value "Aws:owner" must not begin with the reserved prefix "aws:" (case-insensitive)',
    );
  });

  it("an unknown or ended meeting ARN is ResourceNotFoundException with the ResourceName", async () => {
    const m = await newMeeting();
    await h.client().send(new DeleteMeetingCommand({ MeetingId: m.MeetingId }));
    await rejectsWith(
      h.client().send(new ListTagsForResourceCommand({ ResourceARN: m.MeetingArn })),
      "ResourceNotFoundException",
      404,
      `Resource ${m.MeetingArn} not found`,
    );
    await rejectsWith(
      h.client().send(new TagResourceCommand({ ResourceARN: "arn:aws:sns:us-east-1:123456789012:t", Tags: [] })),
      "ResourceNotFoundException",
      404,
      "Resource arn:aws:sns:us-east-1:123456789012:t not found",
    );
  });

  it("a ResourceARN that is not an ARN is BadRequestException", async () => {
    await rejectsWith(
      h.client().send(new ListTagsForResourceCommand({ ResourceARN: "meeting/1" })),
      "BadRequestException",
      400,
      'ResourceARN: value "meeting/1" must match the pattern ^arn:.*',
    );
  });

  it("Start and Stop MeetingTranscription record TranscriptionStarted and TranscriptionStopped", async () => {
    const m = await newMeeting();
    const config = { EngineTranscribeSettings: { LanguageCode: "en-US" as const, Region: "eu-central-1" as const } };
    await h.client().send(new StartMeetingTranscriptionCommand({ MeetingId: m.MeetingId, TranscriptionConfiguration: config }));
    await h.client().send(new StopMeetingTranscriptionCommand({ MeetingId: m.MeetingId }));
    const events = (await h.admin.events(m.MeetingId)).map((e) => e.detail);
    const started = events.find((d) => d.eventType === "chime:TranscriptionStarted");
    assert.ok(started && "transcriptionRegion" in started);
    assert.equal(started.transcriptionRegion, "eu-central-1");
    assert.ok(events.some((d) => d.eventType === "chime:TranscriptionStopped"));
  });

  it("starting transcription twice is UnprocessableEntityException; stopping with none active too", async () => {
    const m = await newMeeting();
    await rejectsWith(
      h.client().send(new StopMeetingTranscriptionCommand({ MeetingId: m.MeetingId })),
      "UnprocessableEntityException",
      422,
      `No transcription is active for meeting ${m.MeetingId}`,
    );
    const config = { EngineTranscribeSettings: { LanguageCode: "en-US" as const } };
    await h.client().send(new StartMeetingTranscriptionCommand({ MeetingId: m.MeetingId, TranscriptionConfiguration: config }));
    await rejectsWith(
      h.client().send(new StartMeetingTranscriptionCommand({ MeetingId: m.MeetingId, TranscriptionConfiguration: config })),
      "UnprocessableEntityException",
      422,
      `Transcription is already active for meeting ${m.MeetingId}`,
    );
  });

  it("transcription settings are validated with wire names in the message", async () => {
    const m = await newMeeting();
    await rejectsWith(
      h.client().send(
        new StartMeetingTranscriptionCommand({
          MeetingId: m.MeetingId,
          TranscriptionConfiguration: {
            EngineTranscribeMedicalSettings: { LanguageCode: "en-US", Specialty: "CARDIOLOGY", Type: "CHAT" as "DICTATION" },
          },
        }),
      ),
      "BadRequestException",
      400,
      'TranscriptionConfiguration.EngineTranscribeMedicalSettings.Type: value "CHAT" must be one of CONVERSATION, DICTATION',
    );
  });
});
