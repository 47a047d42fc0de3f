import type { Config } from "@pulumi/pulumi/dynamic";

/** How the provider reaches the API; read at call time, never captured in the serialized provider. */
export interface ProviderSettings {
  /** Default control region from stack config (`chime-meetings:region`, then `aws:region`). */
  region?: string;
  /** Custom endpoint (`chime-meetings:endpoint`); otherwise the SDK's own resolution (AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, …). */
  endpoint?: string;
  /** Attempts per API call including the first, with the SDK's standard retry strategy (throttling and 5xx). */
  maxAttempts: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/** Stack config keys the provider reads in configure(). */
export const CONFIG_KEYS = {
  region: "chime-meetings:region",
  awsRegion: "aws:region",
  endpoint: "chime-meetings:endpoint",
  maxAttempts: "chime-meetings:maxAttempts",
} as const;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

export function parseMaxAttempts(raw: string | undefined): number {
  if (raw === undefined || raw === "") return DEFAULT_MAX_ATTEMPTS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 20) {
    throw new Error(`${CONFIG_KEYS.maxAttempts}: value ${JSON.stringify(raw)} must be an integer from 1 to 20`);
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
    maxAttempts: parseMaxAttempts(config.get(CONFIG_KEYS.maxAttempts)),
  };
}

/** Environment fallbacks for the control region; the SDK itself only reads AWS_REGION and the shared config. */
export function regionFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
}
