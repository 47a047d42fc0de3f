import * as fs from "node:fs";
import * as path from "node:path";
import { echoValue, formatViolation } from "../../chime/violation";
import { DiskWriteError, replaceFile } from "../durable-write";
import { parameterNameViolations, SSM_RULES } from "../../components/address/parameter-name";
import { invalidNextToken, parameterAlreadyExists, parameterNotFound, SsmError, validation } from "./errors";

export type ParameterType = (typeof SSM_RULES.parameterTypes)[number];

/** One stored parameter (latest version only). */
export interface Parameter {
  name: string;
  type: ParameterType;
  value: string;
  version: number;
  /** Epoch milliseconds. */
  lastModified: number;
}

export interface PutInput {
  name: unknown;
  value: unknown;
  type: unknown;
  overwrite: unknown;
}

const FILE = "ssm-parameters.json";

function checkName(name: unknown, field = "Name"): string {
  const problems = parameterNameViolations(name, field);
  if (problems.length > 0) throw validation(problems.map(formatViolation).join("; "));
  return name as string;
}

/**
 * Parameter Store for one account, per region (a parameter is visible only in the region it was put in).
 * With a data directory every change rewrites `ssm-parameters.json` atomically (temp file, fsync, rename)
 * before the answer is sent, so acknowledged writes survive a kill.
 *
 * Fidelity gaps: only the latest version is kept (no `name:version` selectors or labels); SecureString is
 * stored as given (no KMS); tiers, policies, tags and descriptions are accepted and ignored.
 */
export class ParameterStore {
  private readonly regions = new Map<string, Map<string, Parameter>>();

  constructor(private readonly dataDir?: string) {
    if (dataDir) this.load(dataDir);
  }

  put(region: string, input: PutInput): Parameter {
    const name = checkName(input.name);
    if (typeof input.value !== "string" || input.value.length === 0) throw validation(`Value: value ${echoValue(input.value)} must be a non-empty string`);
    if (input.value.length > SSM_RULES.valueMaxLength) throw validation(`Value: must be at most ${SSM_RULES.valueMaxLength} characters for a Standard parameter`);
    if (input.type !== undefined && !(SSM_RULES.parameterTypes as readonly unknown[]).includes(input.type)) {
      throw validation(`Type: value ${echoValue(input.type)} must be one of ${SSM_RULES.parameterTypes.join(", ")}`);
    }
    const params = this.regionOf(region);
    const existing = params.get(name);
    if (existing && input.overwrite !== true) throw parameterAlreadyExists(name);
    if (!existing && input.type === undefined) throw validation("Type: a Type is required to create a parameter");
    const type = (input.type as ParameterType | undefined) ?? existing!.type;
    if (existing && type !== existing.type) throw validation(`Type: the type of parameter ${name} cannot change from ${existing.type} to ${type}`);
    const param: Parameter = { name, type, value: input.value, version: (existing?.version ?? 0) + 1, lastModified: Date.now() };
    params.set(name, param);
    this.saveOrUndo(() => (existing ? params.set(name, existing) : params.delete(name)));
    return param;
  }

  get(region: string, name: unknown): Parameter {
    const checked = checkName(name);
    const found = this.regions.get(region)?.get(checked);
    if (!found) throw parameterNotFound(checked);
    return found;
  }

  delete(region: string, name: unknown): void {
    const checked = checkName(name);
    const params = this.regions.get(region);
    const existing = params?.get(checked);
    if (!params || !existing) throw parameterNotFound(checked);
    params.delete(checked);
    this.saveOrUndo(() => params.set(checked, existing));
  }

  /** One page of the parameters under `path`, sorted by name; the token is the offset of the next page. */
  byPath(region: string, input: { path: unknown; recursive: unknown; maxResults: unknown; nextToken: unknown }): { page: Parameter[]; nextToken?: string } {
    const root = checkName(input.path, "Path");
    if (!root.startsWith("/")) throw validation(`Path: value ${echoValue(root)} must begin with "/"`);
    const max = input.maxResults ?? SSM_RULES.maxResultsPerPage;
    if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > SSM_RULES.maxResultsPerPage) {
      throw validation(`MaxResults: value ${echoValue(max)} must be an integer from 1 to ${SSM_RULES.maxResultsPerPage}`);
    }
    const prefix = root.endsWith("/") ? root : `${root}/`;
    const matches = [...(this.regions.get(region)?.values() ?? [])]
      .filter((p) => p.name.startsWith(prefix) && (input.recursive === true || !p.name.slice(prefix.length).includes("/")))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const start = input.nextToken === undefined ? 0 : decodeToken(input.nextToken);
    const page = matches.slice(start, start + max);
    return start + max < matches.length ? { page, nextToken: encodeToken(start + max) } : { page };
  }

  private regionOf(region: string): Map<string, Parameter> {
    let params = this.regions.get(region);
    if (!params) this.regions.set(region, (params = new Map()));
    return params;
  }

  private load(dir: string): void {
    const file = path.join(dir, FILE);
    if (!fs.existsSync(file)) return;
    let saved: unknown;
    try {
      saved = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
      throw new Error(`${file} is not valid JSON (${(err as Error).message}); repair or remove the file`);
    }
    const isParameterList = (v: unknown): v is Parameter[] => Array.isArray(v) &&
      v.every((p) => typeof p === "object" && p !== null && typeof p.name === "string" && typeof p.value === "string");
    if (typeof saved !== "object" || saved === null || Array.isArray(saved) || !Object.values(saved).every(isParameterList)) {
      throw new Error(`${file} is not a map from region to a list of parameters; repair or remove the file`);
    }
    for (const [region, params] of Object.entries(saved as Record<string, Parameter[]>)) {
      this.regions.set(region, new Map(params.map((p) => [p.name, p])));
    }
  }

  /** Saves, or undoes the in-memory change and refuses the request when the disk refuses the file. */
  private saveOrUndo(undo: () => void): void {
    try {
      this.save();
    } catch (err) {
      undo();
      if (!(err instanceof DiskWriteError)) throw err;
      process.stderr.write(`emulator: the SSM parameter file refused a write, which was not applied: ${err.message}\n`);
      throw new SsmError("InternalServerError", `The emulator could not write its parameter file (${err.message}); the change was not applied.`, 500);
    }
  }

  private save(): void {
    if (!this.dataDir) return;
    fs.mkdirSync(this.dataDir, { recursive: true });
    const file = path.join(this.dataDir, FILE);
    const data = Object.fromEntries([...this.regions].map(([region, params]) => [region, [...params.values()]]));
    replaceFile(file, Buffer.from(JSON.stringify(data)));
  }
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

function decodeToken(token: unknown): number {
  try {
    const offset = (JSON.parse(Buffer.from(String(token), "base64url").toString("utf8")) as { offset?: unknown }).offset;
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through: any undecodable token is invalid
  }
  throw invalidNextToken();
}
