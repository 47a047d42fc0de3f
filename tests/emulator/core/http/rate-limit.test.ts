import assert from "node:assert/strict";
import { CreateMeetingCommand, ListAttendeesCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { parseCliArgs } from "../../../../emulator/cli";
import { RateLimiter } from "../../../../emulator/core/http/rate-limit";
import { rejectsWith, useEmulator } from "../../support";

const create = (i: number) =>
  new CreateMeetingCommand({
    ClientRequestToken: `rate-limit-${i}-${Date.now()}`,
    MediaRegion: "us-east-1",
    ExternalMeetingId: `rate-${i}`,
  });

describe("emulator rate limit (--rate-limit N, opt-in)", () => {
  describe("token bucket", () => {
    it("allows N calls at once per operation and region, then refuses until tokens refill at N per second", () => {
      let now = 0;
      const limiter = new RateLimiter(3, "123456789012", () => now);
      assert.deepEqual(
        [1, 2, 3, 4].map(() => limiter.take("us-east-1", "GetMeeting")),
        [true, true, true, false],
      );
      assert.equal(limiter.take("us-east-1", "ListAttendees"), true, "another operation has its own bucket");
      assert.equal(limiter.take("us-west-2", "GetMeeting"), true, "another region has its own bucket");
      now = 340;
      assert.deepEqual([limiter.take("us-east-1", "GetMeeting"), limiter.take("us-east-1", "GetMeeting")], [true, false]);
      assert.equal(limiter.throttledCount(), 2);
    });

    it("refuses a limit that is not a positive number, naming it", () => {
      assert.throws(() => new RateLimiter(0, "123456789012"), /^RangeError: rateLimit: value 0 must be a number above 0$/);
    });
  });

  describe("over HTTP with rateLimit 2", () => {
    const h = useEmulator({ rateLimit: 2, lifecycle: false });

    it("answers the third of three simultaneous CreateMeeting calls with 429 ThrottlingException, creating nothing for it", async () => {
      const client = h.client();
      const results = await Promise.allSettled([0, 1, 2].map((i) => client.send(create(i))));
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      assert.equal(refused.length, 1);
      const reason: unknown = refused[0].reason;
      assert.ok(reason instanceof Error, "the refused call failed with an Error");
      await rejectsWith(Promise.reject(reason), "ThrottlingException", 429, "Rate exceeded");
      const meetings = await h.admin.listMeetings();
      assert.equal(meetings.length, 2, "the throttled call created nothing");
      const attendees = await client.send(new ListAttendeesCommand({ MeetingId: meetings[0].meetingId }));
      assert.deepEqual(attendees.Attendees, [], "another operation has its own quota");
      const statuses = (await h.admin.requests())
        .filter((r) => r.operation === "CreateMeeting")
        .map((r) => r.status)
        .sort();
      assert.deepEqual(statuses, [200, 200, 429]);
    });

    it("serves the same operation again once tokens have refilled", async () => {
      const client = h.client("us-west-2");
      await Promise.allSettled([10, 11, 12].map((i) => client.send(create(i))));
      await new Promise((resolve) => setTimeout(resolve, 600));
      const res = await client.send(create(13));
      assert.ok(res.Meeting?.MeetingId);
    });
  });

  it("takes --rate-limit from the command line and rejects a value that is not a number", () => {
    const options = parseCliArgs(["--rate-limit", "10"], {});
    assert.equal(options !== "help" && options.rateLimit, 10);
    assert.throws(() => parseCliArgs(["--rate-limit", "ten"], {}), /^RangeError: --rate-limit: value "ten" must be a number$/);
  });
});
