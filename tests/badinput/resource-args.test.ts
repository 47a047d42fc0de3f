// Bad input catalogue (b): Meeting inputs rejected by the provider's check() — the step the engine runs
// before any create — with a failure naming the input path, the value and the rule. The provider is
// configured against an emulator, whose request log shows that no rejected input reached the API.
import assert from "node:assert/strict";
import { startProviderFixture, type ProviderFixture } from "../provider/emulator-fixture";
import type { MeetingInputs } from "../../components/meeting/types";
import { base, RESOURCE_ARG_ROWS } from "./catalogue-resource-args";
import { assertNamesFieldValueRule } from "./rows";

describe("bad input (b): Meeting inputs through the provider's check()", function () {
  this.timeout(30_000);
  let fixture: ProviderFixture;

  before(async () => {
    fixture = await startProviderFixture();
  });

  after(async () => {
    await fixture?.close();
  });

  it("records every API call in the emulator's log, so an empty log means nothing was sent", async () => {
    const inputs = (await fixture.provider.check({} as never, { ...base })).inputs as MeetingInputs;
    const created = await fixture.provider.create(inputs);
    assert.deepEqual(await fixture.operations(), ["CreateMeeting"]);
    await fixture.provider.delete(created.id, created.outs!);
    await fixture.admin.clearRequests();
  });

  for (const row of RESOURCE_ARG_ROWS) {
    it(`${row.name}, before any API call`, async () => {
      const result = await fixture.provider.check({} as never, { ...base, ...row.input });
      const failures = result.failures ?? [];
      assert.ok(failures.length > 0, "check() accepted the inputs");
      const failure = failures.find((f) => f.reason.startsWith(`${row.field}:`));
      assert.ok(failure, `no failure for ${row.field}: ${JSON.stringify(failures)}`);
      assert.equal(failure.property, row.field);
      assertNamesFieldValueRule(failure.reason, row);
      assert.deepEqual(await fixture.operations(), []);
    });
  }
});
