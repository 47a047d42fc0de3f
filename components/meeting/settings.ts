import type { Config } from "@pulumi/pulumi/dynamic";
import { parseAssumeRoles, type AssumeRole } from "./assume-role";

/** How the provider reaches the API; read at call time, never captured in the serialized provider. */
export interface ProviderSettings {
  /** Default control region from stack config (`chime-meetings:region`, then `aws:region`). */
  region?: string;
  /** Custom endpoint (`chime-meetings:endpoint`); otherwise the SDK's own resolution (AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, …). */
  endpoint?: string;
  /**
   * Attempts per API call including the first, only when `chime-meetings:maxAttempts` sets it; otherwise the
   * SDK decides (AWS_MAX_ATTEMPTS, the profile's `max_attempts`, else 3), as does the retry mode (AWS_RETRY_MODE).
   */
  maxAttempts?: number;
  /** Shared-config profile from `aws:profile` (AWS_PROFILE applies when unset, as the SDK reads it). */
  profile?: string;
  /** Roles to assume in order (`aws:assumeRoles`, or the single `aws:assumeRole`), each with the previous one's credentials. */
  assumeRoles: AssumeRole[];
  /** Calls per second per API operation and control region the provider allows itself (0: unpaced). */
  requestsPerSecond: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
/** The Chime SDK Meetings API's documented default rate quota is of this order per operation. */
export const DEFAULT_REQUESTS_PER_SECOND = 10;

/** Stack config keys the provider reads in configure(). */
export const CONFIG_KEYS = {
  region: "chime-meetings:region",
  awsRegion: "aws:region",
  endpoint: "chime-meetings:endpoint",
  maxAttempts: "chime-meetings:maxAttempts",
  requestsPerSecond: "chime-meetings:requestsPerSecond",
  profile: "aws:profile",
  assumeRole: "aws:assumeRole",
  assumeRoles: "aws:assumeRoles",
} as const;

/**
 * The rule when no control region can be found anywhere: the one message for the Meeting's check, its calls and the
 * MeetingAddress (which reads the same sources), prefixed by the field name where it is reported.
 */
export const MISSING_REGION_RULE =
  'is required: set the resource input "region", stack config "chime-meetings:region" (or "aws:region"), or AWS_REGION';

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

export function parseMaxAttempts(raw: string | undefined): number {
  return parseOptionalMaxAttempts(raw) ?? DEFAULT_MAX_ATTEMPTS;
}

/** The attempts stack config sets, or undefined to leave the choice to the SDK's own configuration. */
export function parseOptionalMaxAttempts(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 20) {
    throw new Error(`${CONFIG_KEYS.maxAttempts}: value ${JSON.stringify(raw)} must be an integer from 1 to 20`);
  }
  return n;
}

export function parseRequestsPerSecond(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_REQUESTS_PER_SECOND;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 10_000) {
    throw new Error(
      `${CONFIG_KEYS.requestsPerSecond}: value ${JSON.stringify(raw.slice(0, 40))} must be a number from 0 (unpaced) to 10000`,
    );
  }
  return n;
}

export function parseEndpoint(raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== "http:" && protocol !== "https:") {
    throw new Error(`${CONFIG_KEYS.endpoint}: value ${JSON.stringify(value)} must be an http:// or https:// URL`);
  }
  return value;
}

export function settingsFromConfig(config: Pick<Config, "get">): ProviderSettings {
  return {
    region: nonEmpty(config.get(CONFIG_KEYS.region)) ?? nonEmpty(config.get(CONFIG_KEYS.awsRegion)),
    endpoint: parseEndpoint(config.get(CONFIG_KEYS.endpoint)),
    maxAttempts: parseOptionalMaxAttempts(config.get(CONFIG_KEYS.maxAttempts)),
    profile: nonEmpty(config.get(CONFIG_KEYS.profile)),
    assumeRoles: parseAssumeRoles(config.get(CONFIG_KEYS.assumeRoles), config.get(CONFIG_KEYS.assumeRole)),
    requestsPerSecond: parseRequestsPerSecond(config.get(CONFIG_KEYS.requestsPerSecond)),
  };
}

/** Environment fallbacks for the control region; the SDK itself only reads AWS_REGION and the shared config. */
export function regionFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
}
