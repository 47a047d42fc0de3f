import type * as SsmModule from "@aws-sdk/client-ssm";
import type { SSMClient } from "@aws-sdk/client-ssm";
import type { Config } from "@pulumi/pulumi/dynamic";
import { CONFIG_KEYS, DEFAULT_MAX_ATTEMPTS, parseMaxAttempts, regionFromEnvironment } from "../meeting/settings";

type SsmSdk = typeof SsmModule;

/** Read at call time (configure() and the environment), never captured in the serialized provider. */
export interface AddressSettings {
  /** Default region from `chime-meetings:region`, then `aws:region`. */
  region?: string;
  maxAttempts: number;
}

export const DEFAULT_ADDRESS_SETTINGS: AddressSettings = { maxAttempts: DEFAULT_MAX_ATTEMPTS };

export function addressSettingsFromConfig(config: Pick<Config, "get">): AddressSettings {
  const region = config.get(CONFIG_KEYS.region)?.trim() || config.get(CONFIG_KEYS.awsRegion)?.trim() || undefined;
  return { region, maxAttempts: parseMaxAttempts(config.get(CONFIG_KEYS.maxAttempts)) };
}

/** Required lazily for the same reason as the Chime SDK (components/meeting/client.ts). */
export function ssmSdk(): SsmSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at program start
  return require("@aws-sdk/client-ssm") as SsmSdk;
}

export function resolveRegion(explicit: string | undefined, settings: AddressSettings): string | undefined {
  return explicit ?? settings.region ?? regionFromEnvironment();
}

/**
 * A fresh client per call, always destroyed. The endpoint comes from the SDK's own resolution
 * (AWS_ENDPOINT_URL_SSM points it at the emulator), credentials from the default chain.
 */
export async function withSsm<T>(
  settings: AddressSettings,
  region: string,
  fn: (client: SSMClient, sdk: SsmSdk) => Promise<T>,
): Promise<T> {
  const sdk = ssmSdk();
  const client = new sdk.SSMClient({ region, maxAttempts: settings.maxAttempts, retryMode: "standard" });
  try {
    return await fn(client, sdk);
  } finally {
    client.destroy();
  }
}

export function isParameterNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { name?: unknown }).name === "ParameterNotFound";
}
