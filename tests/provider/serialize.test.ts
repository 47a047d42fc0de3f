import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { meetingProvider } from "../../components/meeting/provider";

const SECRETS = {
  AWS_ACCESS_KEY_ID: "AKIASERIALIZETEST000",
  AWS_SECRET_ACCESS_KEY: "serialize-test-secret-key-do-not-capture",
  AWS_SESSION_TOKEN: "serialize-test-session-token",
  AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: "http://127.0.0.1:45999/serialize-test-endpoint",
};

describe("Meeting provider serialization", function () {
  this.timeout(60_000);
  const saved: Record<string, string | undefined> = {};

  before(() => {
    for (const [k, v] of Object.entries(SECRETS)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });

  after(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  it("serializes to module text that requires the operations when configured and captures no SDK, credential or endpoint", async () => {
    const { text, containsSecrets } = await pulumi.runtime.serializeFunction(() => meetingProvider, { allowSecrets: true });
    assert.equal(containsSecrets, false);
    assert.match(text, /SOURCES_ENTRY: "components\/meeting\/operations"/);
    assert.match(text, /Object\.assign\(this, ops\.configured\(req\.config\)\)/);
    assert.doesNotMatch(text, /@aws-sdk/);
    for (const value of Object.values(SECRETS)) assert.ok(!text.includes(value), `serialized provider contains ${value}`);
    assert.ok(!text.includes("ChimeSDKMeetingsClient {"), "serialized provider contains a client instance");
  });

  it("keeps the serialized provider under 1,000 bytes: no class, no comments, only the loader this tree needs", async () => {
    // Stored twice in every meeting's state and rewritten with the whole checkpoint after every step. The package's
    // (no ts-node loader) is held under 700 bytes by tests/consumer/consumer.test.ts.
    const { text } = await pulumi.runtime.serializeFunction(() => meetingProvider);
    assert.ok(text.length < 1000, `serialized provider is ${text.length} bytes`);
    assert.doesNotMatch(text, /\/\/ |\/\*\*/, "serialized provider carries comments");
    assert.doesNotMatch(text, /prototype|constructor/, "serialized provider carries a class");
  });

  it("hands the engine a __provider without credentials when a Meeting is declared (mocks)", async () => {
    const registered: { type: string; inputs: Record<string, unknown> }[] = [];
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push({ type: args.type, inputs: args.inputs });
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => args.inputs,
      },
      "chime-meetings",
      "serialize",
    );
    pulumi.runtime.setAllConfig({ "chime-meetings:endpoint": SECRETS.AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS });
    const { Meeting } = await import("../../components/meeting/meeting");
    const meeting = new Meeting("townhall", { mediaRegion: "us-east-1", externalMeetingId: "townhall" });
    await new Promise<void>((resolve) => meeting.urn.apply(() => resolve()));
    const entry = registered.find((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting");
    assert.ok(entry, `registered: ${registered.map((r) => r.type).join(", ")}`);
    const provider = entry.inputs.__provider;
    assert.equal(typeof provider, "string");
    for (const value of Object.values(SECRETS)) assert.ok(!(provider as string).includes(value), `__provider contains ${value}`);
    assert.equal(entry.inputs.idempotencySeed, "chime-meetings/serialize/townhall");

    // Two meetings with one name under different parents must not share an idempotency seed.
    const parent = new pulumi.ComponentResource("test:index:Event", "q4");
    const child = new Meeting("townhall", { mediaRegion: "us-east-1", externalMeetingId: "townhall" }, { parent });
    await new Promise<void>((resolve) => child.urn.apply(() => resolve()));
    const seeds = registered.filter((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting").map((r) => r.inputs.idempotencySeed);
    assert.deepEqual(seeds, ["chime-meetings/serialize/townhall", "urn:pulumi:serialize::chime-meetings::test:index:Event::q4/townhall"]);
  });
});
