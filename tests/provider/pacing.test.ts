// The provider paces itself below the API's rate quota: against the emulator's --rate-limit, concurrent creates
// (as the engine issues them) are spaced so that none is throttled, where an unpaced provider is throttled.
import assert from "node:assert/strict";
import { pacerFor } from "../../components/meeting/client";
import { settingsFromConfig } from "../../components/meeting/settings";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { baseInputs, configuredProvider } from "./helpers";

const RATE = 5;
const MEETINGS = 12;

describe("Meeting provider pacing against the emulator's rate limit", function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

  before(async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" });
    emulator = await startEmulator({ port: 0, lifecycle: false, rateLimit: RATE });
    admin = new EmulatorAdminClient(emulator.url);
  });

  after(async () => {
    await emulator?.close();
    for (const [k, v] of [
      ["AWS_ACCESS_KEY_ID", saved.id],
      ["AWS_SECRET_ACCESS_KEY", saved.secret],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  /** Creates MEETINGS meetings at once, as the engine does; returns how many create calls were throttled. */
  async function createConcurrently(config: Record<string, string>, prefix: string): Promise<{ throttled: number }> {
    const full = {
      "chime-meetings:region": "us-east-1",
      "chime-meetings:endpoint": emulator.url,
      "chime-meetings:maxAttempts": "10",
      ...config,
    };
    const provider = await configuredProvider(full);
    await admin.clearRequests();
    const created = await Promise.all(
      Array.from({ length: MEETINGS }, (_, i) =>
        provider.create(
          baseInputs({
            region: "us-east-1",
            externalMeetingId: `${prefix}-${i}`,
            clientRequestToken: `pulumi-${prefix}-${i}-${Date.now()}`,
          }),
        ),
      ),
    );
    assert.equal(created.length, MEETINGS);
    const statuses = (await admin.requests()).filter((r) => r.operation === "CreateMeeting").map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, MEETINGS, "every meeting was created");
    const pacer = pacerFor(settingsFromConfig({ get: (k) => full[k as keyof typeof full] }), "us-east-1");
    assert.equal(
      pacer.stats().throttled.CreateMeetingCommand ?? 0,
      statuses.filter((s) => s === 429).length,
      "the pacer saw every throttled attempt",
    );
    return { throttled: statuses.filter((s) => s === 429).length };
  }

  it(`creates ${MEETINGS} meetings at once under a quota of ${RATE} per second without one throttled call`, async () => {
    const { throttled } = await createConcurrently({ "chime-meetings:requestsPerSecond": String(RATE) }, "paced");
    assert.equal(throttled, 0);
  });

  it("is throttled under the same quota when pacing is off, and still creates every meeting through the SDK's retries", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000 + 1000 / RATE));
    const { throttled } = await createConcurrently({ "chime-meetings:requestsPerSecond": "0" }, "unpaced");
    assert.ok(throttled > 0, "an unpaced burst meets the quota");
  });
});
