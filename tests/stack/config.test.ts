import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { creationOrder, parseMeetings, StackConfigError } from "../../stack/config";

// js-yaml (a direct dependency) reads the real stack files.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- js-yaml ships no types
const yaml = require("js-yaml") as { load(text: string): unknown };

const root = path.resolve(__dirname, "..", "..");

function stackConfig(stack: string): Record<string, unknown> {
  const doc = yaml.load(fs.readFileSync(path.join(root, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  return doc.config;
}

function problemsOf(raw: unknown, region = "us-east-1"): string[] {
  try {
    parseMeetings(raw, region);
  } catch (err) {
    assert.ok(err instanceof StackConfigError, String(err));
    return err.problems;
  }
  assert.fail("expected a StackConfigError");
}

describe("stack config chime-meetings:meetings", () => {
  for (const stack of ["local", "dev"]) {
    it(`accepts the meetings of Pulumi.${stack}.yaml`, () => {
      const config = stackConfig(stack);
      const decls = parseMeetings(config["chime-meetings:meetings"], config["chime-meetings:region"] as string);
      assert.deepEqual(
        decls.map((d) => d.name),
        ["townhall", "townhall-eu", "classroom-101", "support-room"],
      );
      assert.equal(decls.find((d) => d.name === "townhall-eu")?.primary, "townhall");
    });
  }

  it("defaults externalMeetingId to the logical name and stringifies scalar tag values", () => {
    const [decl] = parseMeetings({ standup: { mediaRegion: "us-east-1", tags: { year: 2026, public: false } } }, "us-east-1");
    assert.equal(decl.externalMeetingId, "standup");
    assert.deepEqual(decl.tags, { year: "2026", public: "false" });
  });

  it("names the full config key path, the value and the rule of a bad MaxCount", () => {
    assert.deepEqual(problemsOf({ townhall: { mediaRegion: "us-east-1", meetingFeatures: { attendee: { maxCount: 300 } } } }), [
      "chime-meetings:meetings.townhall.meetingFeatures.attendee.maxCount: value 300 must be an integer from 1 to 250",
    ]);
  });

  it("names a bad tag by its key rather than a list index", () => {
    assert.deepEqual(problemsOf({ townhall: { mediaRegion: "us-east-1", tags: { "aws:team": "comms" } } }), [
      'chime-meetings:meetings.townhall.tags["aws:team"]: value "aws:team" must not begin with the reserved prefix "aws:" (case-insensitive)',
    ]);
  });

  it("reports a misspelt setting instead of ignoring it", () => {
    const [problem] = problemsOf({ townhall: { mediaRegion: "us-east-1", mediaregion: "eu-west-1" } });
    assert.match(problem, /^chime-meetings:meetings\.townhall\.mediaregion: value "eu-west-1" is not a meeting setting/);
  });

  it("reports every problem of every meeting at once", () => {
    const problems = problemsOf({
      lobby: { mediaRegion: "moon-1" },
      x: { mediaRegion: "us-east-1", attendees: [{ externalUserId: "y" }] },
    });
    assert.deepEqual(
      problems.map((p) => p.slice(0, p.indexOf(": value"))),
      [
        "chime-meetings:meetings.lobby.mediaRegion",
        "chime-meetings:meetings.x.externalMeetingId",
        "chime-meetings:meetings.x.attendees[0].externalUserId",
      ],
    );
  });

  it("rejects a replica whose primary is not declared", () => {
    assert.deepEqual(problemsOf({ eu: { mediaRegion: "eu-central-1", primary: "townhall" } }), [
      'chime-meetings:meetings.eu.primary: value "townhall" must name a meeting declared in chime-meetings:meetings (declared: eu)',
    ]);
  });

  it("rejects a replica of a replica", () => {
    const problems = problemsOf({
      main: { mediaRegion: "us-east-1" },
      r1: { mediaRegion: "eu-central-1", primary: "main" },
      r2: { mediaRegion: "eu-west-2", primary: "r1" },
    });
    assert.deepEqual(problems, [
      'chime-meetings:meetings.r2.primary: value "r1" must name a primary meeting; a replica cannot be the primary of another replica',
    ]);
  });

  it("rejects a fifth replica of one primary", () => {
    const raw: Record<string, unknown> = { main: { mediaRegion: "us-east-1" } };
    for (let i = 1; i <= 5; i++) raw[`r${i}`] = { mediaRegion: "eu-central-1", primary: "main" };
    assert.deepEqual(problemsOf(raw), ['chime-meetings:meetings.r5.primary: value "main" exceeds 4 replicas per primary meeting']);
  });

  it("rejects a control region without a Chime SDK Meetings endpoint, naming chime-meetings:region", () => {
    const [problem] = problemsOf({ lobby: { mediaRegion: "eu-west-1" } }, "eu-west-1");
    assert.match(problem, /^chime-meetings:region: value "eu-west-1" must be a Chime SDK Meetings API region/);
  });

  it("rejects a meeting that is not a map", () => {
    assert.deepEqual(problemsOf({ lobby: "us-east-1" }), [
      'chime-meetings:meetings.lobby: value "us-east-1" must be a map of meeting settings',
    ]);
  });

  it("treats an absent meetings key as no meetings", () => {
    assert.deepEqual(parseMeetings(undefined), []);
  });

  it("orders primaries before their replicas", () => {
    const decls = parseMeetings({ eu: { mediaRegion: "eu-central-1", primary: "main" }, main: { mediaRegion: "us-east-1" } }, "us-east-1");
    assert.deepEqual(
      creationOrder(decls).map((d) => d.name),
      ["main", "eu"],
    );
  });
});
