import assert from "node:assert/strict";
import { OPERATION_INPUTS, PATTERNS, SHAPES, type Shape } from "../../chime";
import { OPERATIONS } from "../../emulator/services/chime-sdk-meetings/wire/routes";
import { loadModel, type Model, type ModelShape } from "./botocore-model";

/** What the model states about a shape, in the model's own terms (documentation and flags dropped). */
function modelConstraints(s: ModelShape): Record<string, unknown> {
  const out: Record<string, unknown> = { type: s.type };
  for (const key of ["min", "max", "pattern", "enum", "required"] as const) if (s[key] !== undefined) out[key] = s[key];
  if (s.type === "list") out.member = (s.member as { shape: string }).shape;
  if (s.type === "structure") {
    out.members = Object.fromEntries(
      Object.entries(s.members as Record<string, Record<string, unknown>>).map(([name, m]) => [
        name,
        Object.fromEntries(
          Object.entries({ shape: m.shape, location: m.location, locationName: m.locationName }).filter(([, v]) => v !== undefined),
        ),
      ]),
    );
  }
  return out;
}

/** The project's table in the same terms (a pattern name becomes the pattern text). */
function projectConstraints(s: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = { ...s };
  if (s.type === "string" && s.pattern) out.pattern = PATTERNS[s.pattern].text;
  if (s.type === "string" && s.enum) out.enum = [...s.enum].sort();
  if (s.type === "structure") out.members = Object.fromEntries(Object.entries(s.members).map(([k, v]) => [k, { ...v }]));
  return out;
}

function reachable(model: Model, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const s = model.shapes[name];
    if (s.type === "list") visit((s.member as { shape: string }).shape);
    if (s.type === "structure") for (const m of Object.values(s.members as Record<string, { shape: string }>)) visit(m.shape);
  };
  roots.forEach(visit);
  return seen;
}

describe("chime/ request shapes against the service model published with botocore", () => {
  let model: Model;

  before(function () {
    const loaded = loadModel();
    if (typeof loaded === "string") {
      if (process.env.CI === "true") throw new Error(loaded);
      console.warn(`skipping: ${loaded}`);
      this.skip();
    }
    model = loaded;
  });

  it("names the model's input shape for each of the 16 operations", () => {
    const fromModel = Object.fromEntries(Object.entries(model.operations).map(([op, o]) => [op, o.input?.shape]));
    assert.deepEqual(OPERATION_INPUTS, fromModel);
    assert.deepEqual(Object.keys(OPERATION_INPUTS).sort(), [...OPERATIONS].sort());
  });

  it("holds exactly the shapes reachable from the operations' inputs", () => {
    const names = reachable(model, Object.values(OPERATION_INPUTS));
    assert.deepEqual(Object.keys(SHAPES).sort(), [...names].sort());
  });

  it("states every type, member, required list, length, range, pattern and enum as the model does", () => {
    for (const name of reachable(model, Object.values(OPERATION_INPUTS))) {
      const fromModel = modelConstraints(model.shapes[name]);
      if (Array.isArray(fromModel.enum)) fromModel.enum = [...(fromModel.enum as string[])].sort();
      assert.deepEqual(projectConstraints(SHAPES[name]), fromModel, `shape ${name}`);
    }
  });
});
