import assert from "node:assert/strict";
import { idempotencyToken } from "../../components/meeting/token";
import { baseInputs, configuredProvider } from "./helpers";

describe("Meeting idempotency token", () => {
  it("is the same for the same resource and create-only inputs, even with no state", () => {
    assert.equal(idempotencyToken(baseInputs(), undefined), idempotencyToken(baseInputs(), undefined));
  });

  it("satisfies the ClientRequestToken shape (2–64 of [-_a-zA-Z0-9])", () => {
    assert.match(idempotencyToken(baseInputs(), undefined), /^[-_a-zA-Z0-9]{2,64}$/);
  });

  it("differs between two resources with the same inputs", () => {
    assert.notEqual(
      idempotencyToken(baseInputs({ idempotencySeed: "p/s/one" }), undefined),
      idempotencyToken(baseInputs({ idempotencySeed: "p/s/two" }), undefined),
    );
  });

  it("covers the whole create request, so a create with other tags or attendees never reuses a token", () => {
    const plain = idempotencyToken(baseInputs(), undefined);
    assert.notEqual(idempotencyToken(baseInputs({ tags: { a: "b" } }), undefined), plain);
    assert.notEqual(idempotencyToken(baseInputs({ attendees: [{ externalUserId: "alice" }] }), undefined), plain);
  });

  it("is kept from the old inputs while the create-only inputs stay the same", () => {
    const olds = baseInputs({ clientRequestToken: "pulumi-kept", tags: { a: "b" } });
    assert.equal(idempotencyToken(baseInputs({ tags: { a: "c" } }), olds), "pulumi-kept");
  });

  it("changes on replacement and never returns to an earlier token when inputs go back (A → B → A)", () => {
    const a1 = baseInputs({ mediaRegion: "us-east-1" });
    const t1 = idempotencyToken(a1, undefined);
    const b = baseInputs({ mediaRegion: "eu-central-1" });
    const t2 = idempotencyToken(b, { ...a1, clientRequestToken: t1 });
    const t3 = idempotencyToken(a1, { ...b, clientRequestToken: t2 });
    assert.equal(new Set([t1, t2, t3]).size, 3);
  });

  it("is new for each generation and the same for a repeat of one generation", () => {
    const first = idempotencyToken(baseInputs(), undefined);
    const stored = baseInputs({ clientRequestToken: first, ended: true });
    const second = idempotencyToken(baseInputs({ generation: 1 }), stored);
    assert.notEqual(second, first);
    assert.equal(idempotencyToken(baseInputs({ generation: 1 }), stored), second);
    const third = idempotencyToken(baseInputs({ generation: 2 }), baseInputs({ clientRequestToken: second, generation: 1, ended: true }));
    assert.equal(new Set([first, second, third]).size, 3);
  });

  it("keeps generation 0 out of the material: tokens derived before generations existed stay the same", () => {
    assert.equal(idempotencyToken(baseInputs({ generation: 0 }), undefined), idempotencyToken(baseInputs(), undefined));
  });

  it("check() raises the generation only over a stored meeting marked ended, and ignores one set in the inputs", async () => {
    const provider = await configuredProvider();
    const fresh = await provider.check({} as never, baseInputs({ generation: 7, ended: true }));
    assert.equal(fresh.inputs?.generation, undefined);
    assert.equal(fresh.inputs?.ended, undefined);
    const live = await provider.check(fresh.inputs!, baseInputs());
    assert.equal(live.inputs?.generation, undefined);
    assert.equal(live.inputs?.clientRequestToken, fresh.inputs?.clientRequestToken);
    const recreated = await provider.check({ ...fresh.inputs!, ended: true }, baseInputs());
    assert.equal(recreated.inputs?.generation, 1);
    assert.notEqual(recreated.inputs?.clientRequestToken, fresh.inputs?.clientRequestToken);
    assert.deepEqual(
      (await provider.check({} as never, baseInputs())).inputs,
      recreated.inputs,
      "the engine's second check of the replacement",
    );
    const twice = await provider.check({ ...recreated.inputs, ended: true }, baseInputs());
    assert.equal(twice.inputs?.generation, 2);
    assert.deepEqual(
      (await provider.check({} as never, baseInputs())).inputs,
      twice.inputs,
      "the engine's second check of the replacement",
    );
  });

  it("gives the engine's second check of a replacement (no old inputs) what the first derived, once", async () => {
    const provider = await configuredProvider();
    const a = await provider.check({} as never, baseInputs({ mediaRegion: "us-east-1" }));
    const b = await provider.check(a.inputs!, baseInputs({ mediaRegion: "us-east-2" }));
    const again = await provider.check({} as never, baseInputs({ mediaRegion: "us-east-2" }));
    assert.equal(again.inputs?.clientRequestToken, b.inputs?.clientRequestToken, "the token chained from the replaced meeting's");
    const fresh = await provider.check({} as never, baseInputs({ mediaRegion: "us-east-2" }));
    assert.notEqual(fresh.inputs?.clientRequestToken, b.inputs?.clientRequestToken, "consumed: a later first create derives its own");
    assert.equal(
      fresh.inputs?.clientRequestToken,
      idempotencyToken({ ...baseInputs({ mediaRegion: "us-east-2" }), region: "us-east-1" }, undefined),
    );
  });

  it("is derived by check() and stored with the inputs", async () => {
    const provider = await configuredProvider();
    const first = await provider.check({} as never, baseInputs());
    const again = await provider.check({} as never, baseInputs());
    assert.equal(first.inputs?.clientRequestToken, again.inputs?.clientRequestToken);
  });
});
