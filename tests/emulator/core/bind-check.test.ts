import assert from "node:assert/strict";
import { ChimeSDKMeetingsClient, CreateMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { startEmulator } from "../../../emulator";
import { isLoopbackBind } from "../../../emulator/core/bind-check";
import { startCliChild, stop } from "../cli-child";
import { capturingStderr } from "../../support/stderr";

describe("emulator binds beyond loopback loudly", function () {
  this.timeout(30_000);
  for (const [host, loopback] of [
    ["127.0.0.1", true],
    ["127.0.0.2", true],
    ["localhost", true],
    ["::1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.10", false],
  ] as const) {
    it(`treats ${host} as ${loopback ? "loopback" : "not loopback"}`, () => assert.equal(isLoopbackBind(host), loopback));
  }

  it("refuses to listen on 0.0.0.0 with the default test/test credentials, naming the flags that allow it", async () => {
    await assert.rejects(
      startEmulator({ host: "0.0.0.0" }),
      /^RangeError: host: value "0.0.0.0" is not a loopback address, and the default credentials test\/test would let anyone .*--allow-default-credentials$/,
    );
  });

  it("listens on 0.0.0.0 with its own credentials and warns on stderr; the API answers with those credentials", async () => {
    const { result: emulator, stderr } = await capturingStderr(() =>
      startEmulator({ host: "0.0.0.0", accessKeyId: "ak-own", secretAccessKey: "sk-own" }),
    );
    try {
      assert.match(
        stderr,
        /^emulator: warning: listening on 0\.0\.0\.0, which is not a loopback address: the Chime SDK Meetings API is reachable from other machines \(/,
      );
      const url = emulator.url.replace("0.0.0.0", "127.0.0.1");
      const client = new ChimeSDKMeetingsClient({
        endpoint: url,
        region: "us-east-1",
        maxAttempts: 1,
        credentials: { accessKeyId: "ak-own", secretAccessKey: "sk-own" },
      });
      assert.ok((await client.send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "lan" }))).Meeting?.MeetingId);
      client.destroy();
    } finally {
      await emulator.close();
    }
  });

  it("the CLI with --host 0.0.0.0 exits 1 naming the problem; with --allow-default-credentials it listens and warns", async () => {
    await assert.rejects(
      startCliChild(["--host", "0.0.0.0", "--port", "0"]),
      /exited \(1\) before listening: chime-meetings-emulator: host: value "0.0.0.0" is not a loopback address/,
    );
    const child = await startCliChild(["--host", "0.0.0.0", "--port", "0", "--allow-default-credentials"]);
    try {
      for (let i = 0; i < 100 && !/warning/.test(child.stderr()); i++) await new Promise((r) => setTimeout(r, 20));
      assert.match(child.stderr(), /emulator: warning: listening on 0\.0\.0\.0, .* with the default credentials test\/test/);
    } finally {
      await stop(child);
    }
  });
});
