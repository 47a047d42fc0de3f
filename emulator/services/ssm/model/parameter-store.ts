import { parameterNameViolations, SSM_RULES } from "../../../../components/address/parameter-name";
import { echoValue, formatViolation } from "../../../../chime/violation";
import { invalidNextToken, parameterAlreadyExists, parameterNotFound, validation } from "../errors";

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

/** Every parameter by region: what the store hands to its persistence and gets back on start. */
export type SavedParameters = Record<string, Parameter[]>;

function checkName(name: unknown, field = "Name"): string {
  const problems = parameterNameViolations(name, field);
  if (problems.length > 0 || typeof name !== "string") throw validation(problems.map(formatViolation).join("; "));
  return name;
}

function parameterType(type: unknown): ParameterType | undefined {
  if (type === undefined) return undefined;
  const known = SSM_RULES.parameterTypes.find((t) => t === type);
  if (known === undefined) throw validation(`Type: value ${echoValue(type)} must be one of ${SSM_RULES.parameterTypes.join(", ")}`);
  return known;
}

/**
 * Parameter Store for one account, per region (a parameter is visible only in the region it was put in).
 * Every change is handed to `persist` (with a data directory: services/ssm/parameter-file.ts, which rewrites
 * its file atomically) before the answer is sent; when that throws, the change is undone and the error answered.
 *
 * Fidelity gaps: only the latest version is kept (no `name:version` selectors or labels); SecureString is
 * stored as given (no KMS); tiers, policies, tags and descriptions are accepted and ignored.
 */
export class ParameterStore {
  private readonly regions = new Map<string, Map<string, Parameter>>();

  constructor(
    saved: SavedParameters = {},
    private readonly persist?: (all: SavedParameters) => void,
  ) {
    for (const [region, params] of Object.entries(saved)) this.regions.set(region, new Map(params.map((p) => [p.name, p])));
  }

  put(region: string, input: PutInput): Parameter {
    const name = checkName(input.name);
    if (typeof input.value !== "string" || input.value.length === 0)
      throw validation(`Value: value ${echoValue(input.value)} must be a non-empty string`);
    if (input.value.length > SSM_RULES.valueMaxLength)
      throw validation(`Value: must be at most ${SSM_RULES.valueMaxLength} characters for a Standard parameter`);
    const asked = parameterType(input.type);
    const params = this.regionOf(region);
    const existing = params.get(name);
    if (existing && input.overwrite !== true) throw parameterAlreadyExists(name);
    const type = asked ?? existing?.type;
    if (type === undefined) throw validation("Type: a Type is required to create a parameter");
    if (existing && type !== existing.type)
      throw validation(`Type: the type of parameter ${name} cannot change from ${existing.type} to ${type}`);
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
  byPath(
    region: string,
    input: { path: unknown; recursive: unknown; maxResults: unknown; nextToken: unknown },
  ): { page: Parameter[]; nextToken?: string } {
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
    if (!params) this.regions.set(region, (params = new Map<string, Parameter>()));
    return params;
  }

  /** Persists, or undoes the in-memory change when persistence refuses (its error is the answer). */
  private saveOrUndo(undo: () => void): void {
    if (!this.persist) return;
    try {
      this.persist(Object.fromEntries([...this.regions].map(([region, params]) => [region, [...params.values()]])));
    } catch (err) {
      undo();
      throw err;
    }
  }
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

function decodeToken(token: unknown): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(String(token), "base64url").toString("utf8"));
    const offset = typeof parsed === "object" && parsed !== null && "offset" in parsed ? parsed.offset : undefined;
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through: any undecodable token is invalid
  }
  throw invalidNextToken();
}
