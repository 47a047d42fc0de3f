import assert from "node:assert/strict";
import { SsmError } from "../../../../../emulator/services/ssm/errors";
import { ParameterStore, type SavedParameters } from "../../../../../emulator/services/ssm/model/parameter-store";

describe("emulator SSM parameter store and its persistence", () => {
  it("hands the whole content to persist on every change", () => {
    const saves: SavedParameters[] = [];
    const store = new ParameterStore({}, (all) => saves.push(structuredClone(all)));
    store.put("us-east-1", { name: "/app/url", value: "https://a", type: "String", overwrite: undefined });
    store.delete("us-east-1", "/app/url");
    assert.deepEqual(
      saves.map((s) => s["us-east-1"]?.map((p) => p.name)),
      [["/app/url"], []],
    );
  });

  it("undoes a change persist refuses, so the store keeps what was kept before", () => {
    let refuse = false;
    const store = new ParameterStore({}, () => {
      if (refuse) throw new SsmError("InternalServerError", "the parameter file refused the write", 500);
    });
    store.put("us-east-1", { name: "/app/url", value: "v1", type: "String", overwrite: undefined });
    refuse = true;
    assert.throws(() => store.put("us-east-1", { name: "/app/url", value: "v2", type: undefined, overwrite: true }), SsmError);
    assert.throws(() => store.put("us-east-1", { name: "/app/other", value: "x", type: "String", overwrite: undefined }), SsmError);
    assert.throws(() => store.delete("us-east-1", "/app/url"), SsmError);
    assert.equal(store.get("us-east-1", "/app/url").value, "v1");
    assert.equal(store.get("us-east-1", "/app/url").version, 1);
    assert.throws(
      () => store.get("us-east-1", "/app/other"),
      (err: unknown) => err instanceof SsmError && err.type === "ParameterNotFound",
    );
  });

  it("starts from saved parameters, per region", () => {
    const saved: SavedParameters = { "eu-central-1": [{ name: "/x", type: "String", value: "1", version: 3, lastModified: 0 }] };
    const store = new ParameterStore(saved);
    assert.equal(store.get("eu-central-1", "/x").version, 3);
    assert.throws(
      () => store.get("us-east-1", "/x"),
      (err: unknown) => err instanceof SsmError && err.type === "ParameterNotFound",
    );
  });
});
