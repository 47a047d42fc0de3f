import type { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { regionFromEnvironment, type ProviderSettings } from "./settings";

type ChimeSdk = typeof import("@aws-sdk/client-chime-sdk-meetings");

let providedSdk: ChimeSdk | undefined;

/** The SDK module the provider hands over (resolved from the program directory, see implementation.ts). */
export function useChimeSdk(sdk: ChimeSdk): void {
  providedSdk = sdk;
}

/**
 * The SDK, required lazily: a client created at module level would hold native functions that Pulumi's
 * closure serializer cannot capture (pulumi/pulumi#13960), and credentials or endpoints read at program
 * time would be frozen into the state.
 */
export function chimeSdk(): ChimeSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return providedSdk ?? (require("@aws-sdk/client-chime-sdk-meetings") as ChimeSdk);
}

/** A client for one control region; credentials come from the SDK's default chain at call time. */
export function createClient(settings: ProviderSettings, region: string): ChimeSDKMeetingsClient {
  const sdk = chimeSdk();
  return new sdk.ChimeSDKMeetingsClient({
    region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    maxAttempts: settings.maxAttempts,
    retryMode: "standard",
  });
}

/** Runs `fn` with a fresh client and always releases its sockets. */
export async function withClient<T>(
  settings: ProviderSettings, region: string, fn: (client: ChimeSDKMeetingsClient) => Promise<T>,
): Promise<T> {
  const client = createClient(settings, region);
  try {
    return await fn(client);
  } finally {
    client.destroy();
  }
}

/**
 * The default control region: stack config, then AWS_REGION / AWS_DEFAULT_REGION, then whatever the SDK
 * resolves from the shared config files (profile `region`). Undefined when none is set.
 */
export async function defaultRegion(settings: ProviderSettings): Promise<string | undefined> {
  const fromConfigOrEnv = settings.region ?? regionFromEnvironment();
  if (fromConfigOrEnv) return fromConfigOrEnv;
  const client = new (chimeSdk().ChimeSDKMeetingsClient)({});
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

/** The stored control region, else the default; reads and deletes must go to the region that created the meeting. */
export async function regionFor(settings: ProviderSettings, stored: string | undefined): Promise<string> {
  const region = stored ?? (await defaultRegion(settings));
  if (!region) throw new Error('region: no control region: set the resource input "region", stack config "chime-meetings:region", or AWS_REGION');
  return region;
}

function errorName(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "name" in err ? String((err as { name: unknown }).name) : undefined;
}

/** The meeting (or the tagged resource) does not exist any more: ended, deleted, or never existed. */
export function isNotFound(err: unknown): boolean {
  const name = errorName(err);
  return name === "NotFoundException" || name === "ResourceNotFoundException";
}

/** A short, secret-free description of an API error for messages. */
export function describeError(err: unknown): string {
  const name = errorName(err) ?? "Error";
  const message = err instanceof Error ? err.message : String(err);
  return `${name}: ${message}`;
}
