// The plugin's property-map handling, configuration capture and check(), in process (no engine).
import assert from "node:assert/strict";
import { PLUGIN_MEETING_TYPE } from "../../components/meeting/type-tokens";
import { CapturedConfig } from "../../provider/configure-capture";
import { MeetingPluginProvider, typeOfUrn } from "../../provider/meeting-provider";
import { concealProperties, revealProperties, secret } from "../../provider/secrets";

const URN = `urn:pulumi:dev::chime::${PLUGIN_MEETING_TYPE}::standup`;
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function configured(values: Record<string, unknown> = { region: "us-east-1" }): MeetingPluginProvider {
  const config = new CapturedConfig("chime-meetings");
  config.record(values, []);
  return new MeetingPluginProvider("0.0.0-test", config);
}

describe("provider plugin internals", () => {
  it("unwraps secrets anywhere inside a property and remembers which top-level properties held one", () => {
    const { plain, secretKeys } = revealProperties({
      tags: { team: secret("comms") },
      mediaRegion: "us-east-1",
      attendees: secret([{ externalUserId: "a" }]),
    });
    assert.deepEqual(plain, { tags: { team: "comms" }, mediaRegion: "us-east-1", attendees: [{ externalUserId: "a" }] });
    assert.deepEqual([...secretKeys].sort(), ["attendees", "tags"]);
    assert.deepEqual(concealProperties(plain, ["tags", "absent"]), { ...plain, tags: secret({ team: "comms" }) });
  });

  it("reads provider configuration from Configure's args, else its legacy variables, and only for its own package", () => {
    const config = new CapturedConfig("chime-meetings");
    config.record({ endpoint: secret("http://127.0.0.1:4566"), maxAttempts: 3 }, [
      ["chime-meetings:config:region", "eu-central-1"],
      ["aws:config:region", "us-west-2"],
    ]);
    assert.equal(config.get("chime-meetings:endpoint"), "http://127.0.0.1:4566");
    assert.equal(config.get("chime-meetings:maxAttempts"), "3");
    assert.equal(config.get("chime-meetings:region"), "eu-central-1");
    assert.equal(config.get("aws:region"), undefined);
  });

  it("waits for Configure before the first resource call", async () => {
    const config = new CapturedConfig("chime-meetings");
    let ready = false;
    const waiting = config.ready().then(() => {
      ready = true;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(ready, false);
    config.record({}, []);
    await waiting;
    assert.equal(ready, true);
  });

  it("takes the type from a URN, also under a parent", () => {
    assert.equal(typeOfUrn(URN), PLUGIN_MEETING_TYPE);
    assert.equal(typeOfUrn(`urn:pulumi:dev::chime::my:app:Room$${PLUGIN_MEETING_TYPE}::standup`), PLUGIN_MEETING_TYPE);
  });

  it("refuses a resource type it does not serve, naming it", async () => {
    await assert.rejects(
      configured().check("urn:pulumi:dev::chime::chime-meetings:index:Other::x", {}, {}),
      /unknown resource type "chime-meetings:index:Other"/,
    );
  });

  it("check() names the field, the value and the rule of bad input", async () => {
    const result = await configured().check(URN, {}, { externalMeetingId: "x", mediaRegion: "us-east-1" });
    const failure = result.failures?.find((f) => f.property === "externalMeetingId");
    assert.ok(failure, JSON.stringify(result.failures));
    assert.match(failure.reason, /"x"/);
    assert.match(failure.reason, /2/);
  });

  it("check() fills the region from provider config, seeds the idempotency token from the URN and keeps secret inputs secret", async () => {
    const result = await configured().check(
      URN,
      {},
      { externalMeetingId: "standup", mediaRegion: "us-east-1", tags: secret({ team: "comms" }) },
    );
    assert.deepEqual(result.failures, []);
    assert.equal(result.inputs.region, "us-east-1");
    assert.equal(result.inputs.idempotencySeed, URN);
    assert.match(result.inputs.clientRequestToken, /^pulumi-[0-9a-f]{48}$/);
    assert.deepEqual(result.inputs.tags, secret({ team: "comms" }));
  });

  it("check() and diff() accept unknowns during a preview (replica of a meeting not created yet)", async () => {
    const provider = configured();
    const news = { externalMeetingId: "standup-eu", mediaRegion: "eu-central-1", primaryMeetingId: UNKNOWN };
    const checked = await provider.check(URN, {}, news);
    assert.deepEqual(checked.failures, []);
    assert.equal(checked.inputs.clientRequestToken, undefined);
    const olds = {
      ...news,
      primaryMeetingId: "11111111-2222-4333-8444-555555555555",
      region: "us-east-1",
      meetingId: "m-1",
      tags: {},
      attendees: [],
    };
    const diff = await provider.diff("m-1", URN, olds, checked.inputs);
    assert.equal(diff.changes, true);
    assert.deepEqual(diff.replaces, ["primaryMeetingId"]);
  });
});
