import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unknownCheckingProxy } from "@pulumi/policy";
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { resolvePackConfig } from "../../policies/offline/pack-config";
import { allPolicies } from "../../policies/rules/catalog";
import { schemaDefaults } from "../../policies/rules/common/config";
import { RULE_VERBS } from "../../policies/rules/common/define";

const ROOT = join(__dirname, "..", "..");
const SERVICES = ["chime", "sqs", "sns", "kms", "lambda", "events"];

describe("policy pack", () => {
  it("importing the rule catalog starts no analyzer server and prints nothing", () => {
    const child = spawnSync(process.execPath, ["-r", "ts-node/register", "-e", "require('./policies/rules/catalog')"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
    });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout, "");
  });

  it("wires every rule exactly once in policies/index.ts through the catalog", () => {
    const wiring = readFileSync(join(ROOT, "policies", "index.ts"), "utf8");
    assert.match(wiring, /^chimeMeetingsPolicyPack\(\);$/m);
    assert.match(readFileSync(join(ROOT, "policies", "pack.ts"), "utf8"), /const policies = args\.policies \?\? allPolicies;/);
    const names = allPolicies.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
  });

  for (const policy of allPolicies) {
    it(`${policy.name} follows the naming, description and config conventions`, () => {
      const [service, , verb] = policy.name.split("-");
      assert.match(policy.name, /^[a-z]+(-[a-z0-9]+){3,}$/);
      assert.ok(SERVICES.includes(service), `service ${service}`);
      assert.ok((RULE_VERBS as readonly string[]).includes(verb), `verb ${verb}`);
      assert.match(policy.description, /^Checks that .+\.$/);
      assert.ok(policy.enforcementLevel, "has a default enforcement level");
      assert.ok(policy.configSchema, "has a config schema");
      for (const [key, property] of Object.entries(policy.configSchema.properties)) {
        assert.notEqual(property.default, undefined, `${key} has a default`);
      }
      // Defaults alone must be a valid config.
      resolvePackConfig([policy], {});
      assert.deepEqual(Object.keys(schemaDefaults(policy.configSchema)).sort(), Object.keys(policy.configSchema.properties).sort());
    });
  }

  for (const env of ["dev", "prod"]) {
    it(`policies/config/${env}.json names only policies of the pack with valid settings`, () => {
      const file = JSON.parse(readFileSync(join(ROOT, "policies", "config", `${env}.json`), "utf8")) as Record<string, unknown>;
      const resolved = resolvePackConfig(allPolicies, file);
      assert.equal(resolved.size, allPolicies.length);
    });
  }

  it("prod is stricter than dev: hygiene rules are mandatory and SQS needs KMS", () => {
    const read = (env: string) =>
      resolvePackConfig(allPolicies, JSON.parse(readFileSync(join(ROOT, "policies", "config", `${env}.json`), "utf8")));
    const [dev, prod] = [read("dev"), read("prod")];
    for (const name of ["sqs-queue-enforce-encryption", "sns-topic-enforce-encryption", "sqs-queue-configure-dead-letter-queue"]) {
      assert.equal(dev.get(name)?.enforcementLevel, "advisory");
      assert.equal(prod.get(name)?.enforcementLevel, "mandatory");
    }
    assert.equal(prod.get("sqs-queue-enforce-encryption")?.config.allowSqsManagedSse, false);
  });

  it("docs/POLICIES.md has a defaults row for every rule", () => {
    const doc = readFileSync(join(ROOT, "docs", "POLICIES.md"), "utf8");
    for (const policy of allPolicies) assert.match(doc, new RegExp(`^\\| \`${policy.name}\` \\|`, "m"), policy.name);
  });

  it("refuses a config naming a policy the pack does not have", () => {
    assert.throws(
      () => resolvePackConfig(allPolicies, { "chime-meeting-limit-everything": "mandatory" }),
      /"chime-meeting-limit-everything" is not a policy of this pack/,
    );
  });

  it("runs through the policy SDK's unknown-checking proxy without throwing on preview unknowns", () => {
    const policy = allPolicies.find((p) => p.name === "sqs-queue-require-source-conditions") as ResourceValidationPolicy;
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const reports: string[] = [];
    const run = (props: Record<string, unknown>) => {
      const args = {
        type: "aws:sqs/queuePolicy:QueuePolicy",
        name: "p",
        urn: "urn:p",
        props: unknownCheckingProxy(props),
        getConfig: () => ({}),
        notApplicable: () => {
          throw new Error("n/a");
        },
      } as unknown as ResourceValidationArgs;
      for (const validate of [policy.validateResource].flat()) void validate?.(args, (m) => reports.push(m));
    };
    run({ queueUrl: unknown, policy: unknown });
    run({
      queueUrl: unknown,
      policy: { Statement: [{ Effect: "Allow", Principal: { Service: "meetings.chime.amazonaws.com" }, Condition: unknown }] },
    });
    assert.deepEqual(reports, []);
    run({
      queueUrl: unknown,
      policy: { Statement: [{ Effect: "Allow", Principal: { Service: "meetings.chime.amazonaws.com" }, Resource: unknown }] },
    });
    assert.equal(reports.length, 1);
  });
});
