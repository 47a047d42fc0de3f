import assert from "node:assert/strict";
import { CreateAttendeeCommand, CreateMeetingCommand, DeleteMeetingCommand, GetMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { rejectsWith, useEmulator, type Harness } from "../../../support";

const create = async (h: Harness, primaryMeetingId?: string) =>
  (
    await h
      .client()
      .send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "lifecycle", PrimaryMeetingId: primaryMeetingId }))
  ).Meeting?.MeetingId as string;
const alive = async (h: Harness, id: string) => {
  try {
    await h.client().send(new GetMeetingCommand({ MeetingId: id }));
    return true;
  } catch (err) {
    assert.equal((err as Error).name, "NotFoundException");
    assert.equal((err as Error).message, `Meeting ${id} not found`);
    return false;
  }
};

describe("emulator meeting lifecycle with a driven clock", () => {
  const h = useEmulator();

  it("a meeting nobody joins ends 5 minutes after creation, not before", async () => {
    const id = await create(h);
    await h.admin.advanceClock(299);
    assert.equal(await alive(h, id), true);
    await h.admin.advanceClock(1);
    assert.equal(await alive(h, id), false);
  });

  it("a joined attendee keeps the meeting alive past 5 minutes", async () => {
    const id = await create(h);
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    await h.admin.joinAttendee(id, Attendee?.AttendeeId as string);
    await h.admin.advanceClock(3600);
    assert.equal(await alive(h, id), true);
  });

  it("after the last attendee leaves, the meeting ends 5 minutes later", async () => {
    const id = await create(h);
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    await h.admin.joinAttendee(id, Attendee?.AttendeeId as string);
    await h.admin.advanceClock(600);
    await h.admin.leaveAttendee(id, Attendee?.AttendeeId as string);
    await h.admin.advanceClock(299);
    assert.equal(await alive(h, id), true);
    await h.admin.advanceClock(1);
    assert.equal(await alive(h, id), false);
  });

  it("a meeting ends at 24 hours even with an attendee connected", async () => {
    const id = await create(h);
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: id, ExternalUserId: "alice" }));
    await h.admin.joinAttendee(id, Attendee?.AttendeeId as string);
    await h.admin.advanceClock(24 * 3600 - 1);
    assert.equal(await alive(h, id), true);
    await h.admin.advanceClock(1);
    assert.equal(await alive(h, id), false);
  });

  it("a replica ends with its primary and is never idle-ended on its own", async () => {
    const primary = await create(h);
    const { Attendee } = await h.client().send(new CreateAttendeeCommand({ MeetingId: primary, ExternalUserId: "host" }));
    await h.admin.joinAttendee(primary, Attendee?.AttendeeId as string);
    const replica = await create(h, primary);
    await h.admin.advanceClock(3600);
    assert.equal(await alive(h, replica), true);
    await h.admin.expireMeeting(primary);
    assert.equal(await alive(h, replica), false);
  });

  it("the sweep records MeetingEnded for an idle meeting that nobody reads", async () => {
    const { Meeting } = await h.client().send(
      new CreateMeetingCommand({
        MediaRegion: "us-east-1",
        ExternalMeetingId: "swept",
        NotificationsConfiguration: { SqsQueueArn: "arn:aws:sqs:us-east-1:123456789012:q" },
      }),
    );
    await h.admin.advanceClock(300);
    const types = (await h.admin.events(Meeting?.MeetingId)).map((e) => e.detail.eventType);
    assert.deepEqual(types, ["chime:MeetingStarted", "chime:MeetingEnded"]);
  });
});

describe("emulator replica rules", () => {
  const h = useEmulator();

  it("a primary takes 4 replicas; the 5th is LimitExceededException", async () => {
    const primary = await create(h);
    for (let i = 0; i < 4; i++) await create(h, primary);
    await rejectsWith(create(h, primary), "LimitExceededException", 400, `Primary meeting ${primary} already has 4 replica meetings`);
  });

  it("a replica cannot be the primary of another meeting", async () => {
    const primary = await create(h);
    const replica = await create(h, primary);
    await rejectsWith(create(h, replica), "BadRequestException", 400, `PrimaryMeetingId: value "${replica}" must not be a replica meeting`);
  });

  it("the primary must be a live meeting", async () => {
    const ghost = "12345678-1234-1234-1234-123456789012";
    await rejectsWith(
      create(h, ghost),
      "BadRequestException",
      400,
      `PrimaryMeetingId: value "${ghost}" must be the MeetingId of a live meeting`,
    );
  });

  it("DeleteMeeting of the primary ends its replicas", async () => {
    const primary = await create(h);
    const replica = await create(h, primary);
    await h.client().send(new DeleteMeetingCommand({ MeetingId: primary }));
    assert.equal(await alive(h, replica), false);
  });
});

describe("emulator with lifecycle disabled", () => {
  const h = useEmulator({ lifecycle: false });

  it("keeps an idle meeting past 24 hours; only DeleteMeeting or the admin API end it", async () => {
    const id = await create(h);
    await h.admin.advanceClock(48 * 3600);
    assert.equal(await alive(h, id), true);
    await h.admin.expireMeeting(id);
    assert.equal(await alive(h, id), false);
  });
});

describe("emulator clock speed", () => {
  const h = useEmulator({ clockSpeed: 600 });

  it("runs the lifecycle clock faster than real time (600x: 5 minutes in half a second)", async () => {
    const id = await create(h);
    const before = (await h.admin.now()).getTime();
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.ok((await h.admin.now()).getTime() - before >= 300_000);
    assert.equal(await alive(h, id), false);
  });
});
