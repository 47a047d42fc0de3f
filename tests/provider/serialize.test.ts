import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { MEETING_PROVIDER_MODULE, loadProviderModule } from "../../components/meeting/provider";

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

  it("stores a module that requires the operations when configured and holds no SDK, credential or endpoint", () => {
    assert.match(MEETING_PROVIDER_MODULE, /"components\/meeting\/operations"/);
    assert.match(MEETING_PROVIDER_MODULE, /Object\.assign\(this, require\(.*\)\.configuredForState\(req\.config\)\)/);
    assert.doesNotMatch(MEETING_PROVIDER_MODULE, /@aws-sdk/);
    for (const value of Object.values(SECRETS)) assert.ok(!MEETING_PROVIDER_MODULE.includes(value), `__provider contains ${value}`);
  });

  it("keeps the stored provider under 400 bytes: the sources' loader only, no serialized closure", () => {
    // Stored twice in every meeting's state and rewritten with the whole checkpoint after every step. The package's
    // is held under 200 bytes by tests/consumer/consumer.test.ts.
    assert.ok(MEETING_PROVIDER_MODULE.length < 400, `__provider is ${MEETING_PROVIDER_MODULE.length} bytes`);
    assert.doesNotMatch(MEETING_PROVIDER_MODULE, /with\(\{|__f0/, "__provider is a serialized closure");
  });

  it("loads as the dynamic-provider host loads it: handler() gives a provider whose configure installs the operations", async () => {
    const provider = loadProviderModule(MEETING_PROVIDER_MODULE).handler() as unknown as Record<string, unknown> & {
      configure(req: unknown): Promise<void> | void;
    };
    const config = new Map([["chime-meetings:region", "us-east-1"]]);
    await provider.configure({ config: { get: (k: string) => config.get(k), require: (k: string) => config.get(k)! } });
    for (const method of ["check", "diff", "create", "read", "update", "delete"]) assert.equal(typeof provider[method], "function", method);
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
    assert.equal(provider, MEETING_PROVIDER_MODULE);
    for (const value of Object.values(SECRETS)) assert.ok(!provider.includes(value), `__provider contains ${value}`);
    assert.equal(entry.inputs.idempotencySeed, "chime-meetings/serialize/townhall");

    // Two meetings with one name under different parents must not share an idempotency seed.
    const parent = new pulumi.ComponentResource("test:index:Event", "q4");
    const child = new Meeting("townhall", { mediaRegion: "us-east-1", externalMeetingId: "townhall" }, { parent });
    await new Promise<void>((resolve) => child.urn.apply(() => resolve()));
    const seeds = registered.filter((r) => r.type === "pulumi-nodejs:dynamic/chime:Meeting").map((r) => r.inputs.idempotencySeed);
    assert.deepEqual(seeds, ["chime-meetings/serialize/townhall", "urn:pulumi:serialize::chime-meetings::test:index:Event::q4/townhall"]);
  });
});
