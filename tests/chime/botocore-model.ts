import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export type ModelShape = Record<string, unknown> & { type: string };
export interface Model {
  operations: Record<string, { input?: { shape: string }; http: { method: string; requestUri: string } }>;
  shapes: Record<string, ModelShape>;
}

/** The Chime SDK Meetings model published with botocore (installed for the boto3 suite). */
export function loadModel(): Model | string {
  let dir: string;
  try {
    dir = execFileSync("python3", ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"], { encoding: "utf8" }).trim();
  } catch (err) {
    return `python3 with botocore is required to check chime/ against the service model: ${(err as Error).message}`;
  }
  const root = join(dir, "data", "chime-sdk-meetings");
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  if (version === undefined) return `botocore at ${dir} has no chime-sdk-meetings model`;
  const file = join(root, version, "service-2.json");
  const text = existsSync(file) ? readFileSync(file, "utf8") : gunzipSync(readFileSync(`${file}.gz`)).toString("utf8");
  return JSON.parse(text) as Model;
}
