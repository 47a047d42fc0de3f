import assert from "node:assert/strict";
import { Clock } from "../../../../../emulator/core/clock";
import { ServiceUnavailableException } from "../../../../../emulator/services/chime-sdk-meetings/errors";
import { ChimeBackend } from "../../../../../emulator/services/chime-sdk-meetings/model/backend";
import { JoinTokenMinter } from "../../../../../emulator/services/chime-sdk-meetings/model/ids";
import type { ChangeSink, StateChange } from "../../../../../emulator/services/chime-sdk-meetings/model/types";

const CTX = { controlRegion: "us-east-1" };
const INPUT = { clientRequestToken: "token-1", mediaRegion: "us-east-1", externalMeetingId: "store-test" };

function backend(sink: ChangeSink): ChimeBackend {
  return new ChimeBackend({ accountId: "123456789012", lifecycle: true, clock: new Clock(), minter: new JoinTokenMinter(), sink });
}

describe("emulator meeting store and its change sink", () => {
  it("hands each change to the sink before applying it: the meeting is not there yet while the sink runs", () => {
    const seen: { kinds: string[]; liveDuringPersist: number }[] = [];
    const b: ChimeBackend = backend({
      persist: (changes) => seen.push({ kinds: changes.map((c) => c.kind), liveDuringPersist: b.listMeetings().length }),
    });
    const created = b.createMeeting(CTX, INPUT);
    assert.deepEqual(seen, [{ kinds: ["meeting"], liveDuringPersist: 0 }]);
    assert.deepEqual(
      b.listMeetings().map((m) => m.meetingId),
      [created.meetingId],
    );
  });

  it("changes nothing when the sink refuses, and answers with the sink's error", () => {
    let refuse = false;
    const kept: StateChange[] = [];
    const b = backend({
      persist: (changes) => {
        if (refuse) throw new ServiceUnavailableException("the journal refused the write", 1);
        kept.push(...changes);
      },
    });
    const m = b.createMeeting(CTX, INPUT);
    refuse = true;
    assert.throws(() => b.createAttendee(CTX, m.meetingId, { externalUserId: "user-1" }), ServiceUnavailableException);
    assert.throws(() => b.tagResource(CTX, m.meetingArn, [{ key: "k", value: "v" }]), ServiceUnavailableException);
    assert.throws(() => b.deleteMeeting(CTX, m.meetingId), ServiceUnavailableException);
    const [live] = b.listMeetings();
    assert.equal(live?.meetingId, m.meetingId, "the meeting is still live");
    assert.deepEqual(live?.attendees, [], "no attendee was added");
    assert.deepEqual(live?.tags, [], "no tag was set");
    assert.deepEqual(
      kept.map((c) => c.kind),
      ["meeting"],
      "only the accepted change was kept",
    );
  });

  it("rebuilds the same state from the changes the sink kept", () => {
    const kept: StateChange[] = [];
    const first = backend({ persist: (changes) => kept.push(...changes) });
    const m = first.createMeeting(CTX, INPUT);
    first.createAttendee(CTX, m.meetingId, { externalUserId: "user-1" });
    first.tagResource(CTX, m.meetingArn, [{ key: "team", value: "a" }]);
    const second = new ChimeBackend({
      accountId: "123456789012",
      lifecycle: true,
      clock: new Clock(),
      minter: new JoinTokenMinter(),
      saved: kept,
    });
    const strip = (list: ReturnType<ChimeBackend["listMeetings"]>) => list.map(({ createdAt: _createdAt, ...rest }) => rest);
    assert.deepEqual(strip(second.listMeetings()), strip(first.listMeetings()));
  });
});
