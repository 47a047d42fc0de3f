import assert from "node:assert/strict";
import { request } from "node:http";
import { CreateMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { useEmulator } from "../../support";

interface Answer {
  status: number;
  body: string;
}

/** A raw admin request with exactly these headers (node:http lets a test forge Host and Origin as a browser or attacker would). */
function admin(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, method, path: `/_emulator${path}`, headers, setHost: false }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => {
        text += d.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("emulator admin API refuses what the user's own tools would not send", () => {
  const h = useEmulator();
  const port = () => new URL(h.emulator.url).port;
  const json = { "content-type": "application/json" };

  const hosts: [host: string, allowed: boolean][] = [
    ["127.0.0.1:PORT", true],
    ["localhost:PORT", true],
    ["LOCALHOST:PORT", true],
    ["127.1.2.3:PORT", true],
    ["evil.example:PORT", false],
    ["evil.example", false],
    ["127.0.0.1", false],
    ["127.0.0.1:1", false],
    ["localhost.evil.example:PORT", false],
    ["127.0.0.300:PORT", false],
    ["", false],
  ];
  for (const [host, allowed] of hosts) {
    it(`${allowed ? "answers" : "refuses with 403"} a request with Host ${JSON.stringify(host)}`, async () => {
      const r = await admin(h.emulator.url, "GET", "/meetings", { host: host.replace("PORT", port()) });
      assert.equal(r.status, allowed ? 200 : 403, r.body);
      if (!allowed) assert.match(JSON.parse(r.body).error, /only answers requests for a loopback host with port \d+/);
    });
  }

  it("refuses a request carrying an Origin header, and changes nothing", async () => {
    const before = await h.admin.now();
    const r = await admin(
      h.emulator.url,
      "POST",
      "/clock/advance",
      { host: `127.0.0.1:${port()}`, origin: "https://evil.example", ...json },
      '{"seconds":3600}',
    );
    assert.equal(r.status, 403);
    assert.match(JSON.parse(r.body).error, /refuses requests that carry an Origin header/);
    assert.ok((await h.admin.now()).getTime() - before.getTime() < 60_000);
  });

  it("refuses a text/plain POST (what a page can send without a preflight), and changes nothing", async () => {
    await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "kept" }));
    const r = await admin(h.emulator.url, "POST", "/reset", { host: `127.0.0.1:${port()}`, "content-type": "text/plain" }, "{}");
    assert.equal(r.status, 403);
    assert.match(JSON.parse(r.body).error, /POST to the admin API requires Content-Type: application\/json/);
    assert.equal((await h.admin.listMeetings()).length, 1);
  });

  it("refuses clock/advance of 1e300 seconds with 400 and does not apply it", async () => {
    const before = await h.admin.now();
    const r = await admin(h.emulator.url, "POST", "/clock/advance", { host: `127.0.0.1:${port()}`, ...json }, '{"seconds":1e300}');
    assert.equal(r.status, 400);
    assert.match(JSON.parse(r.body).error, /^seconds: value 1e\+300 must be a number from 0 to \d+/);
    assert.ok((await h.admin.now()).getTime() - before.getTime() < 60_000, "the clock did not move");
    const { Meeting } = await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "still-alive" }));
    assert.equal((await h.admin.listMeetings())[0]?.meetingId, Meeting?.MeetingId);
  });

  it("refuses a non-number seconds with 400", async () => {
    const r = await admin(h.emulator.url, "POST", "/clock/advance", { host: `127.0.0.1:${port()}`, ...json }, '{"seconds":"60"}');
    assert.equal(r.status, 400);
  });

  it("reset restores the clock to real time", async () => {
    await h.admin.advanceClock(3 * 3600);
    assert.ok((await h.admin.now()).getTime() - Date.now() > 3 * 3600_000 - 60_000);
    await h.admin.reset();
    assert.ok(Math.abs((await h.admin.now()).getTime() - Date.now()) < 60_000);
  });

  it("answers a malformed percent-escape in an admin path with 400", async () => {
    const r = await admin(h.emulator.url, "POST", "/meetings/%E0%A4%A/expire", { host: `127.0.0.1:${port()}`, ...json });
    assert.equal(r.status, 400);
    assert.match(JSON.parse(r.body).error, /path segment "%E0%A4%A" is not valid percent-encoding/);
  });

  it("answers a malformed percent-escape with 400 also where no admin route matches the path", async () => {
    for (const path of ["/%E0%A4%A", "/meetings/%E0%A4%A"]) {
      const r = await admin(h.emulator.url, "GET", path, { host: `127.0.0.1:${port()}` });
      assert.equal(r.status, 400, path);
      assert.match(JSON.parse(r.body).error, /path segment "%E0%A4%A" is not valid percent-encoding/, path);
    }
  });

  it("refuses an admin body above 64 KiB with 413", async () => {
    const r = await admin(
      h.emulator.url,
      "PUT",
      "/faults",
      { host: `127.0.0.1:${port()}`, ...json },
      JSON.stringify({ rules: [], pad: "x".repeat(70_000) }),
    );
    assert.equal(r.status, 413);
  });
});
