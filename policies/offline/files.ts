import { readFileSync } from "node:fs";
import { isObject } from "../../chime/checks";

// js-yaml (a direct dependency) has no @types package installed, hence the narrow type.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- js-yaml ships no types
const yaml = require("js-yaml") as { load(text: string): unknown };

/** The mapping a YAML file holds (Pulumi.yaml, Pulumi.<stack>.yaml); throws naming the file for anything else. */
export function readYamlMapping(path: string): Record<string, unknown> {
  const parsed = yaml.load(readFileSync(path, "utf8"));
  if (!isObject(parsed)) throw new Error(`${path}: expected a YAML mapping`);
  return parsed;
}

/** The object a JSON file holds, or undefined when it holds another kind of value. */
export function readJsonObject(path: string): Record<string, unknown> | undefined {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  return isObject(parsed) ? parsed : undefined;
}
