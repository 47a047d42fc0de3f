import * as fs from "node:fs";
import * as path from "node:path";
import { DiskWriteError, replaceFile } from "../../core/journal/durable-write";
import { isJsonObject } from "../../core/json";
import { SsmError } from "./errors";
import type { Parameter, SavedParameters } from "./model/parameter-store";

const FILE = "ssm-parameters.json";

function isParameterList(v: unknown): v is Parameter[] {
  return Array.isArray(v) && v.every((p: unknown) => isJsonObject(p) && typeof p.name === "string" && typeof p.value === "string");
}

/** The parameters saved in `dir`, or none when the file does not exist yet; a damaged file stops the start. */
function loadParameters(dir: string): SavedParameters {
  const file = path.join(dir, FILE);
  if (!fs.existsSync(file)) return {};
  let saved: unknown;
  try {
    saved = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); repair or remove the file`, {
      cause: err,
    });
  }
  const out: SavedParameters = {};
  if (isJsonObject(saved)) {
    for (const [region, params] of Object.entries(saved)) {
      if (!isParameterList(params)) break;
      out[region] = params;
    }
    if (Object.keys(out).length === Object.keys(saved).length) return out;
  }
  throw new Error(`${file} is not a map from region to a list of parameters; repair or remove the file`);
}

/** Rewrites `dir/ssm-parameters.json` atomically; a write the disk refuses is a 500 and nothing is kept. */
function parameterFileWriter(dir: string): (all: SavedParameters) => void {
  return (all) => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      replaceFile(path.join(dir, FILE), Buffer.from(JSON.stringify(all)));
    } catch (err) {
      if (!(err instanceof DiskWriteError)) throw err;
      process.stderr.write(`emulator: the SSM parameter file refused a write, which was not applied: ${err.message}\n`);
      throw new SsmError(
        "InternalServerError",
        `The emulator could not write its parameter file (${err.message}); the change was not applied.`,
        500,
      );
    }
  };
}

/** The parameter store of a data directory (kept in its file), or an in-memory one. */
export function openParameters(dataDir: string | undefined): { saved: SavedParameters; persist?: (all: SavedParameters) => void } {
  return dataDir === undefined ? { saved: {} } : { saved: loadParameters(dataDir), persist: parameterFileWriter(dataDir) };
}
