import assert from "node:assert/strict";
import { Pacer, type PacerClock } from "../../components/meeting/pacer";

/** A clock that only moves when a caller sleeps: the send times are exact. */
function manualClock(): PacerClock & { sent: number[] } {
  let now = 0;
  return {
    sent: [],
    now: () => now,
    async sleep(ms) {
      now += ms;
    },
  };
}

async function send(pacer: Pacer, clock: ReturnType<typeof manualClock>, key: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await pacer.acquire(key);
    clock.sent.push(clock.now());
  }
}

describe("Meeting provider pacing (per operation, below the quota)", () => {
  it("spaces calls of one operation evenly at the limit: 10 per second leaves one every 100 ms, no burst", async () => {
    const clock = manualClock();
    const pacer = new Pacer(10, clock);
    await send(pacer, clock, "CreateMeeting", 5);
    assert.deepEqual(clock.sent, [0, 100, 200, 300, 400]);
  });

  it("paces each operation on its own", async () => {
    const clock = manualClock();
    const pacer = new Pacer(10, clock);
    await pacer.acquire("CreateMeeting");
    await pacer.acquire("GetMeeting");
    assert.equal(clock.now(), 0, "a different operation does not wait");
  });

  it("halves an operation's rate when a call is throttled, and recovers to the limit as calls succeed", async () => {
    const clock = manualClock();
    const pacer = new Pacer(10, clock);
    await pacer.acquire("GetMeeting");
    pacer.throttled("GetMeeting");
    assert.equal(pacer.stats().rates.GetMeeting, 5);
    assert.deepEqual(pacer.stats().throttled, { GetMeeting: 1 });
    const before = clock.now();
    await pacer.acquire("GetMeeting");
    assert.equal(clock.now() - before, 200, "the next call waits one interval at the halved rate");
    for (let i = 0; i < 10; i += 1) pacer.succeeded("GetMeeting");
    assert.equal(pacer.stats().rates.GetMeeting, 10);
  });

  it("never slows below a sixteenth of the limit however often it is throttled", () => {
    const pacer = new Pacer(16, manualClock());
    for (let i = 0; i < 20; i += 1) pacer.throttled("ListAttendees");
    assert.equal(pacer.stats().rates.ListAttendees, 1);
  });

  it("does not wait at all when pacing is off (limit 0)", async () => {
    const clock = manualClock();
    const pacer = new Pacer(0, clock);
    await send(pacer, clock, "CreateMeeting", 3);
    assert.deepEqual(clock.sent, [0, 0, 0]);
  });
});
