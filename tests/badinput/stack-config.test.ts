// Bad input catalogue (a): shapes of the stack config `chime-meetings:meetings` that the program rejects
// before it declares any resource, each with a message naming the full config key, the value and the rule.
import assert from "node:assert/strict";
import { parseMeetings, StackConfigError } from "../../stack/config";
import { STACK_CONFIG_ROWS } from "./catalogue-stack-config";
import { assertNamesFieldValueRule } from "./rows";

describe("bad input (a): stack config chime-meetings:meetings", () => {
  for (const row of STACK_CONFIG_ROWS) {
    it(row.name, () => {
      assert.throws(
        () => parseMeetings(row.input, "us-east-1"),
        (err: unknown) => {
          assert.ok(err instanceof StackConfigError, `expected StackConfigError, got ${String(err)}`);
          assertNamesFieldValueRule(err.message, row);
          return true;
        },
      );
    });
  }
});
