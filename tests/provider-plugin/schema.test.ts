// The plugin's schema: printed by `npm run -s schema`, served by the plugin to `pulumi package get-schema`.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CREATE_ONLY_FIELDS } from "../../components/meeting/compare";
import { CONFIG_KEYS } from "../../components/meeting/settings";
import { PLUGIN_MEETING_TYPE } from "../../components/meeting/type-tokens";
import { newWorkDir, offlineEnv, repoRoot } from "../support/pulumi";
import { PLUGIN_DIR } from "./yaml-program";

interface Property {
  description?: string;
  secret?: boolean;
  replaceOnChanges?: boolean;
  type?: string;
  $ref?: string;
}
interface Schema {
  name: string;
  config: { variables: Record<string, Property> };
  version: string;
  resources: Record<
    string,
    { description: string; inputProperties: Record<string, Property>; properties: Record<string, Property>; requiredInputs: string[] }
  >;
  types: Record<string, { properties: Record<string, Property> }>;
}

function npmSchema(): Schema {
  const r = spawnSync("npm", ["run", "-s", "schema"], { cwd: repoRoot, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Schema;
}

describe("chime-meetings plugin schema", function () {
  this.timeout(120_000);
  let schema: Schema;

  before(() => {
    schema = npmSchema();
  });

  it("npm run -s schema prints JSON declaring chime-meetings:index:Meeting at the package's version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    assert.equal(schema.name, "chime-meetings");
    assert.equal(schema.version, pkg.version);
    assert.ok(schema.resources[PLUGIN_MEETING_TYPE], "Meeting resource missing");
    assert.deepEqual(schema.resources[PLUGIN_MEETING_TYPE].requiredInputs, ["mediaRegion", "externalMeetingId"]);
  });

  it("marks the attendees output and each join token secret", () => {
    const meeting = schema.resources[PLUGIN_MEETING_TYPE];
    assert.equal(meeting.properties.attendees.secret, true);
    assert.equal(meeting.inputProperties.attendees.secret, undefined);
    assert.equal(schema.types["chime-meetings:index:AttendeeOutput"].properties.joinToken.secret, true);
  });

  it("marks exactly the create-only inputs replaceOnChanges, as the provider's diff replaces on them", () => {
    const inputs = schema.resources[PLUGIN_MEETING_TYPE].inputProperties;
    const replacing = Object.keys(inputs)
      .filter((k) => inputs[k].replaceOnChanges)
      .sort();
    assert.deepEqual(replacing, [...CREATE_ONLY_FIELDS].sort());
  });

  it("declares every chime-meetings:* config key the operations read as a provider config variable", () => {
    const own = Object.values(CONFIG_KEYS)
      .filter((k) => k.startsWith("chime-meetings:"))
      .map((k) => k.slice("chime-meetings:".length));
    assert.deepEqual(Object.keys(schema.config.variables).sort(), own.sort());
  });

  it("describes every resource, every resource property and every type property", () => {
    assert.deepEqual(Object.keys(schema.resources).sort(), ["chime-meetings:index:Meeting", "chime-meetings:index:MeetingAddress"]);
    const all: [string, Property][] = [
      ...Object.entries(schema.resources).flatMap(([t, r]) => [
        ...Object.entries(r.inputProperties).map(([k, v]) => [`${t}.inputProperties.${k}`, v] as [string, Property]),
        ...Object.entries(r.properties).map(([k, v]) => [`${t}.properties.${k}`, v] as [string, Property]),
      ]),
      ...Object.entries(schema.types).flatMap(([t, spec]) =>
        Object.entries(spec.properties).map(([k, v]) => [`${t}.${k}`, v] as [string, Property]),
      ),
    ];
    const undocumented = all.filter(([, p]) => !p.description || p.description.trim().length < 5).map(([k]) => k);
    assert.deepEqual(undocumented, []);
  });

  it("is what the plugin serves to `pulumi package get-schema` (real CLI, plugin by path)", () => {
    const work = newWorkDir("get-schema");
    try {
      const r = spawnSync("pulumi", ["package", "get-schema", path.join(PLUGIN_DIR, "pulumi-resource-chime-meetings")], {
        cwd: work,
        encoding: "utf8",
        env: { ...process.env, ...offlineEnv(path.join(work, ".state")) },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), schema);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
