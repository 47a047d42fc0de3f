import assert from "node:assert/strict";
import { initialPackConfig } from "../../policies/pack";
import { allPolicies } from "../../policies/rules/catalog";
import { chimeMeetingLimitTagCount } from "../../policies/rules/tags/tag-count";
import { chimeMeetingRequireTagKeys } from "../../policies/rules/tags/required-tag-keys";

describe("initialPackConfig (chimeMeetingsPolicyPack's config as the engine gets it)", () => {
  const two = [chimeMeetingRequireTagKeys, chimeMeetingLimitTagCount];

  it("gives every rule its own default level when no level is set", () => {
    const config = initialPackConfig(allPolicies, {});
    for (const policy of allPolicies)
      assert.equal((config[policy.name] as { enforcementLevel?: string }).enforcementLevel, policy.enforcementLevel, policy.name);
  });

  it("expands `all` into each rule's level, and a rule's own entry wins over it", () => {
    const config = initialPackConfig(two, { all: "mandatory", "chime-meeting-limit-tag-count": "advisory" });
    assert.deepEqual(config, {
      "chime-meeting-require-tag-keys": { enforcementLevel: "mandatory" },
      "chime-meeting-limit-tag-count": { enforcementLevel: "advisory" },
    });
  });

  it("keeps a rule's settings and fills in the level from `all`", () => {
    const config = initialPackConfig(two, { all: { enforcementLevel: "disabled" }, "chime-meeting-require-tag-keys": { keys: ["team"] } });
    assert.deepEqual(config["chime-meeting-require-tag-keys"], { keys: ["team"], enforcementLevel: "disabled" });
  });

  it("refuses a key that names no rule of the pack, naming it", () => {
    assert.throws(
      () => initialPackConfig(two, { "chime-meeting-limit-media-regions": "mandatory" }),
      /^Error: config: key "chime-meeting-limit-media-regions" is not a rule of this pack \(rules: chime-meeting-require-tag-keys, chime-meeting-limit-tag-count\)$/,
    );
  });
});
