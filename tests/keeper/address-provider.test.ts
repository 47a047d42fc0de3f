// The MeetingAddress provider's methods against the emulator's SSM subset (real SDK over HTTP).
import assert from "node:assert/strict";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";
import { MeetingAddressProvider } from "../../components/address/provider";
import { addressParameterName } from "../../components/address/parameter-name";
import { addressValue } from "../../components/address/value";

const ENV = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" };

describe("MeetingAddress provider against the emulator", function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let admin: EmulatorAdminClient;
  let ssm: SSMClient;
  const saved: Record<string, string | undefined> = {};
  const provider = new MeetingAddressProvider();
  const name = addressParameterName("test", "townhall");
  const meeting = {
    meetingId: "m-1",
    meetingArn: "arn:aws:chime:us-east-1:123456789012:meeting/m-1",
    mediaRegion: "us-east-1",
    mediaPlacement: { audioHostUrl: "a.example:3478", signalingUrl: "wss://s.example/control/m-1" },
  };

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    admin = new EmulatorAdminClient(emulator.url);
    for (const [k, v] of Object.entries({ ...ENV, AWS_ENDPOINT_URL_SSM: emulator.url })) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    ssm = new SSMClient({ region: "us-east-1", endpoint: emulator.url });
    await provider.configure({ config: { get: (k: string) => (k === "chime-meetings:region" ? "us-east-1" : undefined) } } as never);
  });

  after(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    ssm?.destroy();
    await emulator?.close();
  });

  const stored = async () => (await ssm.send(new GetParameterCommand({ Name: name }))).Parameter?.Value;

  it("publishes the meeting's id, ARN, media region and placement in AWS's Meeting shape, without join tokens", () => {
    assert.equal(
      addressValue(meeting),
      JSON.stringify({
        MeetingId: "m-1",
        MeetingArn: meeting.meetingArn,
        MediaRegion: "us-east-1",
        MediaPlacement: { AudioHostUrl: "a.example:3478", SignalingUrl: "wss://s.example/control/m-1" },
      }),
    );
  });

  it("check names the parameter name and the rule it breaks, and fills in the region from stack config", async () => {
    const bad = await provider.check({} as never, { parameterName: "/chime-meetings/t/town hall", value: "{}" });
    assert.deepEqual(bad.failures, [
      {
        property: "parameterName",
        reason: 'parameterName: value "/chime-meetings/t/town hall" must contain only a-z, A-Z, 0-9, _, ., - and /',
      },
    ]);
    const good = await provider.check({} as never, { parameterName: name, value: "{}" });
    assert.deepEqual(good.failures, []);
    assert.equal(good.inputs?.region, "us-east-1");
  });

  it("creates the parameter with PutParameter and reads it back", async () => {
    await admin.clearRequests();
    const created = await provider.create({ parameterName: name, value: addressValue(meeting), region: "us-east-1" });
    assert.equal(created.id, name);
    assert.equal(JSON.parse((await stored())!).MeetingId, "m-1");
    const read = await provider.read(name, created.outs);
    assert.equal(read.props?.value, addressValue(meeting));
    assert.deepEqual(
      (await admin.requests()).map((r) => r.operation),
      ["PutParameter", "GetParameter", "GetParameter"],
    );
  });

  it("diffs a new meeting id as an in-place update and a new name as a replacement", async () => {
    const olds = { parameterName: name, value: addressValue(meeting), region: "us-east-1" };
    const moved = addressValue({ ...meeting, meetingId: "m-2" });
    assert.deepEqual(await provider.diff(name, olds, { parameterName: name, value: moved }), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await provider.diff(name, olds, { ...olds }), { changes: false, replaces: [], deleteBeforeReplace: false });
    assert.deepEqual((await provider.diff(name, olds, { ...olds, parameterName: `${name}-2` })).replaces, ["parameterName"]);
    await provider.update(name, olds, { parameterName: name, value: moved, region: "us-east-1" });
    assert.equal(JSON.parse((await stored())!).MeetingId, "m-2");
  });

  it("reports a parameter deleted outside Pulumi as gone on refresh, and deletes idempotently", async () => {
    const outs = { parameterName: name, value: "{}", region: "us-east-1" };
    await provider.delete(name, outs);
    await assert.rejects(stored(), { name: "ParameterNotFound" });
    assert.deepEqual(await provider.read(name, outs), {});
    await provider.delete(name, outs);
  });
});
