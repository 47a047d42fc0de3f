import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import * as ts from "typescript";

const ROOT = join(__dirname, "..", "..");
const SERVICES = join(ROOT, "emulator", "services");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports (type-only ones included), read by the TypeScript parser. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(ts.sys.readFile(file) ?? "", true, false);
  return info.importedFiles.map((f) => f.fileName);
}

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = resolve(dirname(from), specifier);
  return ts.sys.fileExists(`${base}.ts`) ? `${base}.ts` : ts.sys.fileExists(join(base, "index.ts")) ? join(base, "index.ts") : base;
}

const modelDirs = readdirSync(SERVICES).map((service) => join(SERVICES, service, "model"));
const modelFiles = modelDirs.filter((dir) => ts.sys.directoryExists(dir)).flatMap(tsFiles);
const FORBIDDEN_MODULES = ["node:fs", "fs", "node:http", "http", "node:net", "net"];

describe("emulator layout", () => {
  it("has a model directory for both services (chime-sdk-meetings, ssm)", () => {
    const services = modelFiles.map((f) => relative(SERVICES, f).split("/")[0]);
    assert.ok(services.includes("chime-sdk-meetings"), "chime-sdk-meetings/model has files");
    assert.ok(services.includes("ssm"), "ssm/model has files");
  });

  it("keeps every model file free of core/, wire/, files and HTTP", () => {
    const offences: string[] = [];
    for (const file of modelFiles) {
      for (const specifier of importsOf(file)) {
        const target = resolveLocal(file, specifier);
        const inCore = target !== undefined && relative(join(ROOT, "emulator", "core"), target).split("/")[0] !== "..";
        const inWire = target !== undefined && target.split("/").includes("wire");
        if (FORBIDDEN_MODULES.includes(specifier) || inCore || inWire) offences.push(`${relative(ROOT, file)} imports ${specifier}`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it("has no import cycle among model files", () => {
    const edges = new Map<string, string[]>();
    for (const file of modelFiles) {
      edges.set(
        file,
        importsOf(file)
          .map((s) => resolveLocal(file, s))
          .filter((t): t is string => t !== undefined && modelFiles.includes(t)),
      );
    }
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SERVICES, f)).join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of modelFiles) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  it("makes the chime model's types.ts a leaf that imports no other model file", () => {
    const types = join(SERVICES, "chime-sdk-meetings", "model", "types.ts");
    const local = importsOf(types)
      .map((s) => resolveLocal(types, s))
      .filter((t) => t !== undefined && modelFiles.includes(t));
    assert.deepEqual(local, []);
  });
});
