import assert from "node:assert/strict";
import { parsePackConfig, parsePackEntry } from "../../policies/pack-entry";

describe("policy pack config entries", () => {
  it("reads a level given alone, with no settings", () => {
    assert.deepEqual(parsePackEntry("mandatory", "x"), { enforcementLevel: "mandatory", settings: {} });
  });

  it("splits an object entry into its level and the rule's settings", () => {
    assert.deepEqual(parsePackEntry({ enforcementLevel: "advisory", keys: ["team"] }, "x"), {
      enforcementLevel: "advisory",
      settings: { keys: ["team"] },
    });
    assert.deepEqual(parsePackEntry({ keys: [] }, "x"), { enforcementLevel: undefined, settings: { keys: [] } });
  });

  it("reads an absent entry as no level and no settings", () => {
    assert.deepEqual(parsePackEntry(undefined, "x"), { settings: {} });
  });

  it("refuses an unknown level, naming the entry, the value and the allowed levels", () => {
    assert.throws(() => parsePackEntry({ enforcementLevel: "strict" }, 'policy config "r"'), {
      message: 'policy config "r": enforcementLevel value "strict" must be one of advisory, mandatory, remediate, disabled',
    });
  });

  it("refuses an entry that is neither a level nor an object, truncating a long value", () => {
    assert.throws(() => parsePackEntry([1, 2], "config.all"), {
      message: "config.all: value [1,2] must be an enforcement level or an object",
    });
    assert.throws(() => parsePackEntry(["x".repeat(200)], "e"), /^Error: e: value \["x{75}\.\.\. must be an enforcement level/);
  });

  it("refuses a config file that does not hold an object", () => {
    assert.throws(() => parsePackConfig(["mandatory"], "--config: c.json"), {
      message: '--config: c.json: value ["mandatory"] must be a JSON object of policy names',
    });
    assert.deepEqual(parsePackConfig({ all: "advisory" }, "c"), { all: "advisory" });
  });
});
