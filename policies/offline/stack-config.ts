import { existsSync } from "node:fs";
import { join } from "node:path";
import { isObject as isRecord } from "../../chime/checks";
import { readYamlMapping as readYaml } from "./files";

export interface StackConfig {
  project: string;
  /** `<namespace>:<key>` → string value (objects and lists JSON-stringified), as `pulumi.runtime.setAllConfig` expects. */
  values: Record<string, string>;
  /** Keys whose values were `secure:` in the file; they carry a placeholder, since no passphrase is used offline. */
  secretKeys: string[];
}

function qualify(project: string, key: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

export const SECRET_PLACEHOLDER = "offline-policy-check-secret";

function encode(value: unknown): { text: string; secret: boolean } {
  if (isRecord(value) && Object.keys(value).length === 1 && "secure" in value) return { text: SECRET_PLACEHOLDER, secret: true };
  return { text: typeof value === "string" ? value : JSON.stringify(value), secret: false };
}

/** Reads `Pulumi.yaml` (project name, config defaults) and `Pulumi.<stack>.yaml` from `projectDir`. */
export function readStackConfig(projectDir: string, stack: string): StackConfig {
  const projectFile = join(projectDir, "Pulumi.yaml");
  if (!existsSync(projectFile)) throw new Error(`--cwd: ${projectDir} is not a Pulumi project (no Pulumi.yaml)`);
  const project = readYaml(projectFile);
  const name = project.name;
  if (typeof name !== "string") throw new Error(`${join(projectDir, "Pulumi.yaml")}: name is required`);
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  const put = (key: string, value: unknown) => {
    const { text, secret } = encode(value);
    const qualified = qualify(name, key);
    values[qualified] = text;
    if (secret) secretKeys.push(qualified);
  };
  if (isRecord(project.config)) {
    for (const [key, spec] of Object.entries(project.config)) {
      const value = isRecord(spec) && ("default" in spec || "value" in spec) ? (spec.value ?? spec.default) : spec;
      if (value !== undefined) put(key, value);
    }
  }
  const stackFile = join(projectDir, `Pulumi.${stack}.yaml`);
  if (!existsSync(stackFile))
    throw new Error(
      `--stack: value "${stack}" has no ${stackFile} (create it with \`pulumi stack init ${stack}\` and \`pulumi config set\`, or pass --cwd)`,
    );
  const settings = readYaml(stackFile);
  if (isRecord(settings.config)) {
    for (const [key, value] of Object.entries(settings.config)) put(key, value);
  }
  return { project: name, values, secretKeys };
}
