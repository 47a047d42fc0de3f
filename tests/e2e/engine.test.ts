// Proof that the real engine, our language host, the dynamic-provider launcher and the file
// backend work together offline: preview, up, refresh and destroy of a small dynamic resource.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { newLocalStack, newWorkDir, stateFileText, writeProject } from "../support/pulumi";

const program = `
import * as pulumi from "@pulumi/pulumi";

interface CounterInputs { start: number; label: string }
interface CounterOutputs extends CounterInputs { value: number }

const provider: pulumi.dynamic.ResourceProvider<CounterInputs, CounterOutputs> = {
    async create(inputs) {
        return { id: "counter-" + inputs.label, outs: { ...inputs, value: inputs.start + 1 } };
    },
    async diff(_id, olds, news) {
        return { changes: olds.start !== news.start || olds.label !== news.label, replaces: olds.label !== news.label ? ["label"] : [] };
    },
    async update(_id, _olds, news) {
        return { outs: { ...news, value: news.start + 1 } };
    },
    async read(id, props) {
        // The file the test writes stands for drift in the "real" world.
        const fs = require("fs");
        const drift = process.env.COUNTER_DRIFT_FILE;
        const value = drift && fs.existsSync(drift) ? Number(fs.readFileSync(drift, "utf8")) : props!.value;
        return { id, props: { ...props!, value } };
    },
};

class Counter extends pulumi.dynamic.Resource {
    declare readonly value: pulumi.Output<number>;
    constructor(name: string, args: { start: pulumi.Input<number>; label: pulumi.Input<string> }) {
        super(provider, name, { ...args, value: undefined }, undefined, "test", "Counter");
    }
}

const config = new pulumi.Config();
const counter = new Counter("counter", { start: config.requireNumber("start"), label: "one" });
export const value = counter.value;
`;

describe("the offline Pulumi engine (real CLI, language host, dynamic providers, file backend)", function () {
  this.timeout(240_000);
  let workDir: string;
  let stack: Stack;
  let driftFile: string;

  before(async () => {
    workDir = newWorkDir("engine");
    writeProject(workDir, "engine-e2e", program);
    driftFile = path.join(workDir, "drift");
    stack = await newLocalStack({ workDir, stackName: "throwaway", env: { COUNTER_DRIFT_FILE: driftFile } });
    await stack.setConfig("start", { value: "41" });
  });

  after(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it("previews a dynamic resource as a create without running it", async () => {
    const preview = await stack.preview();
    assert.equal(preview.changeSummary.create, 2); // the stack and the counter
  });

  it("creates it with up and exports the provider's computed output", async () => {
    const up = await stack.up();
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.outputs.value.value, 42);
  });

  it("updates it in place when an input changes", async () => {
    await stack.setConfig("start", { value: "99" });
    const up = await stack.up();
    assert.equal(up.summary.resourceChanges?.update, 1);
    assert.equal(up.outputs.value.value, 100);
  });

  it("refreshes it through the provider's read", async () => {
    fs.writeFileSync(driftFile, "7");
    const refresh = await stack.refresh();
    assert.equal(refresh.summary.result, "succeeded");
    assert.equal((await stack.outputs()).value.value, 100, "outputs change only on the next up");
    const state = JSON.parse(stateFileText(path.join(workDir, ".state"), "engine-e2e", "throwaway"));
    const counter = state.checkpoint.latest.resources.find((r: { type: string }) => r.type === "pulumi-nodejs:dynamic/test:Counter");
    assert.equal(counter.outputs.value, 7);
  });

  it("destroys it and leaves an empty stack", async () => {
    const destroy = await stack.destroy();
    assert.equal(destroy.summary.result, "succeeded");
    const state = await stack.exportStack();
    assert.equal((state.deployment.resources ?? []).length, 0);
  });
});
