/**
 * The assume-role stack settings `@pulumi/aws` reads, so a stack's meetings land in the same account as its other
 * AWS resources: `aws:assumeRoles` (a list, each role assumed with the previous one's credentials; @pulumi/aws 6+)
 * and the older single `aws:assumeRole` object. See
 * https://www.pulumi.com/registry/packages/aws/installation-configuration/ and
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html for the fields.
 */
export interface AssumeRole {
  roleArn: string;
  sessionName?: string;
  externalId?: string;
  durationSeconds?: number;
  policy?: string;
  policyArns?: string[];
  sourceIdentity?: string;
  tags?: Record<string, string>;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const GO_DURATION_PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
const MIN_DURATION = 900;
const MAX_DURATION = 43_200;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function fail(path: string, value: unknown, rule: string): never {
  throw new Error(`${path}: value ${shown(value)} ${rule}`);
}

function parseJson(key: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return fail(key, raw, "must be JSON (set it with `pulumi config set --path` or as a YAML object)");
  }
}

function optionalString(path: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") fail(path, value, "must be a string");
  return value;
}

/** A Go duration ("1h", "15m", "90m30s") as @pulumi/aws takes it, in whole seconds. */
export function parseGoDuration(path: string, raw: string): number {
  GO_DURATION_PART.lastIndex = 0;
  let seconds = 0;
  let consumed = 0;
  for (let m = GO_DURATION_PART.exec(raw); m; m = GO_DURATION_PART.exec(raw)) {
    seconds += Number(m[1]) * UNIT_SECONDS[m[2]];
    consumed = GO_DURATION_PART.lastIndex;
  }
  if (raw === "" || consumed !== raw.length) fail(path, raw, 'must be a duration such as "1h" or "15m"');
  return Math.floor(seconds);
}

function duration(path: string, o: Record<string, unknown>): number | undefined {
  let seconds: number | undefined;
  if (o.durationSeconds !== undefined) {
    seconds = typeof o.durationSeconds === "string" ? Number(o.durationSeconds) : (o.durationSeconds as number);
    if (!Number.isInteger(seconds)) fail(`${path}.durationSeconds`, o.durationSeconds, "must be an integer number of seconds");
  } else if (o.duration !== undefined) {
    if (typeof o.duration !== "string") fail(`${path}.duration`, o.duration, 'must be a duration such as "1h"');
    seconds = parseGoDuration(`${path}.duration`, o.duration);
  } else return undefined;
  if (seconds < MIN_DURATION || seconds > MAX_DURATION) {
    fail(
      `${path}.${o.durationSeconds !== undefined ? "durationSeconds" : "duration"}`,
      o.durationSeconds ?? o.duration,
      "must be from 15 minutes to 12 hours",
    );
  }
  return seconds;
}

function stringList(path: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) fail(path, value, "must be a list of strings");
  return value.length === 0 ? undefined : (value as string[]);
}

function stringMap(path: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value) || Object.values(value).some((v) => typeof v !== "string")) {
    fail(path, value, "must be a map of strings");
  }
  return Object.keys(value).length === 0 ? undefined : (value as Record<string, string>);
}

export function parseAssumeRole(path: string, value: unknown): AssumeRole {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, value, "must be an object with a roleArn");
  const o = value as Record<string, unknown>;
  const roleArn = optionalString(`${path}.roleArn`, o.roleArn);
  if (roleArn === undefined) fail(`${path}.roleArn`, o.roleArn, "is required");
  if (!ROLE_ARN.test(roleArn)) fail(`${path}.roleArn`, roleArn, "must be an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)");
  const role: AssumeRole = { roleArn };
  const sessionName = optionalString(`${path}.sessionName`, o.sessionName);
  if (sessionName !== undefined && !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    fail(`${path}.sessionName`, sessionName, "must be 2-64 characters of letters, digits and +=,.@_-");
  }
  const entries: Partial<AssumeRole> = {
    sessionName,
    externalId: optionalString(`${path}.externalId`, o.externalId),
    durationSeconds: duration(path, o),
    policy: optionalString(`${path}.policy`, o.policy),
    policyArns: stringList(`${path}.policyArns`, o.policyArns),
    sourceIdentity: optionalString(`${path}.sourceIdentity`, o.sourceIdentity),
    tags: stringMap(`${path}.tags`, o.tags),
  };
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) (role as unknown as Record<string, unknown>)[k] = v;
  return role;
}

/** `aws:assumeRoles` wins over `aws:assumeRole` when both are set, as in @pulumi/aws 6+. */
export function parseAssumeRoles(rawList: string | undefined, rawSingle: string | undefined): AssumeRole[] {
  if (rawList !== undefined && rawList.trim() !== "") {
    const list = parseJson("aws:assumeRoles", rawList);
    if (!Array.isArray(list)) fail("aws:assumeRoles", list, "must be a list of roles");
    return list.map((r, i) => parseAssumeRole(`aws:assumeRoles[${i}]`, r));
  }
  if (rawSingle !== undefined && rawSingle.trim() !== "")
    return [parseAssumeRole("aws:assumeRole", parseJson("aws:assumeRole", rawSingle))];
  return [];
}

/** The AssumeRole request parameters of one role. */
export function assumeRoleParams(role: AssumeRole): Record<string, unknown> {
  const params: Record<string, unknown> = { RoleArn: role.roleArn };
  if (role.sessionName) params.RoleSessionName = role.sessionName;
  if (role.externalId) params.ExternalId = role.externalId;
  if (role.durationSeconds) params.DurationSeconds = role.durationSeconds;
  if (role.policy) params.Policy = role.policy;
  if (role.policyArns) params.PolicyArns = role.policyArns.map((arn) => ({ arn }));
  if (role.sourceIdentity) params.SourceIdentity = role.sourceIdentity;
  if (role.tags) params.Tags = Object.entries(role.tags).map(([Key, Value]) => ({ Key, Value }));
  return params;
}
