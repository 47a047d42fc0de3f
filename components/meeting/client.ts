import type {
  ChimeSDKMeetingsClient,
  ChimeSDKMeetingsClientConfig,
  ServiceInputTypes,
  ServiceOutputTypes,
} from "@aws-sdk/client-chime-sdk-meetings";
import type * as ChimeSdkModule from "@aws-sdk/client-chime-sdk-meetings";
import type * as CredentialProviders from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import type { FinalizeRequestMiddleware } from "@smithy/types";
import { assumeRoleParams } from "./assume-role";
import { Pacer } from "./pacer";
import { MISSING_REGION_RULE, regionFromEnvironment, type ProviderSettings } from "./settings";

type ChimeSdk = typeof ChimeSdkModule;

let providedSdk: ChimeSdk | undefined;

/** The SDK module handed over by providers that earlier releases stored in states (resolved from the program directory). */
export function useChimeSdk(sdk: ChimeSdk): void {
  providedSdk = sdk;
}

/**
 * The SDK, required lazily: a client created at module level would hold native functions that Pulumi's
 * closure serializer cannot capture (pulumi/pulumi#13960), and credentials or endpoints read at program
 * time would be frozen into the state.
 */
export function chimeSdk(): ChimeSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at program start
  return providedSdk ?? (require("@aws-sdk/client-chime-sdk-meetings") as ChimeSdk);
}

/**
 * What else decides how a client is built: the variables the SDK reads once, when a client is constructed
 * (endpoint, profile, retry settings, and the access key id, which names whose credentials the client caches).
 * None is a secret; the key lives in this process's memory only.
 */
const ENVIRONMENT_KEYS = [
  "AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS",
  "AWS_ENDPOINT_URL",
  "AWS_PROFILE",
  "AWS_RETRY_MODE",
  "AWS_MAX_ATTEMPTS",
  "AWS_ACCESS_KEY_ID",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
] as const;

interface CachedClient {
  client: ChimeSDKMeetingsClient;
  pacer: Pacer;
}

/** Clients of this provider process, one per SDK module, settings, region and environment. */
const clients = new WeakMap<ChimeSdk, Map<string, CachedClient>>();

function cacheKey(settings: ProviderSettings, region: string): string {
  return JSON.stringify([settings, region, ENVIRONMENT_KEYS.map((k) => process.env[k] ?? null)]);
}

/** Credentials for the configured role chain; undefined leaves them to the SDK's default chain (and `profile`). */
function assumedCredentials(settings: ProviderSettings, region: string): AwsCredentialIdentityProvider | undefined {
  if (settings.assumeRoles.length === 0) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only stacks that assume a role load it
  const { fromTemporaryCredentials } = require("@aws-sdk/credential-providers") as typeof CredentialProviders;
  let credentials: AwsCredentialIdentityProvider | undefined;
  for (const role of settings.assumeRoles) {
    credentials = fromTemporaryCredentials({
      params: assumeRoleParams(role) as Parameters<typeof fromTemporaryCredentials>[0]["params"],
      masterCredentials: credentials,
      clientConfig: { region, ...(settings.profile ? { profile: settings.profile } : {}) },
    });
  }
  return credentials;
}

/** The client configuration: only what settings set; the SDK resolves the rest from the environment and shared config. */
export function clientConfig(settings: ProviderSettings, region: string): ChimeSDKMeetingsClientConfig {
  const credentials = assumedCredentials(settings, region);
  return {
    region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.maxAttempts !== undefined ? { maxAttempts: settings.maxAttempts } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(credentials ? { credentials } : {}),
    // Kept-alive connections are reused by every later call of this process (one TLS handshake, not one per call).
    requestHandler: { httpAgent: { keepAlive: true }, httpsAgent: { keepAlive: true } },
    // The middleware stack is complete before the first call (addPacing), so each command's resolved stack is
    // built once per client instead of once per call.
    cacheMiddleware: true,
  };
}

function isThrottling(err: unknown): boolean {
  const e = err as { name?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.$metadata?.httpStatusCode === 429 || e?.name === "ThrottlingException" || e?.name === "TooManyRequestsException";
}

/** Every attempt (the SDK's retries included) waits for its operation's slot, and reports throttling back. */
function addPacing(client: ChimeSDKMeetingsClient, pacer: Pacer): void {
  const pacing: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next, context) => async (args) => {
    const operation = context.commandName ?? "unknown";
    await pacer.acquire(operation);
    try {
      const out = await next(args);
      pacer.succeeded(operation);
      return out;
    } catch (err) {
      if (isThrottling(err)) pacer.throttled(operation);
      throw err;
    }
  };
  client.middlewareStack.addRelativeTo(pacing, {
    relation: "after",
    toMiddleware: "retryMiddleware",
    name: "chimeMeetingsPacing",
    override: true,
  });
}

function cached(settings: ProviderSettings, region: string): CachedClient {
  const sdk = chimeSdk();
  let bySettings = clients.get(sdk);
  if (!bySettings) clients.set(sdk, (bySettings = new Map<string, CachedClient>()));
  const key = cacheKey(settings, region);
  let entry = bySettings.get(key);
  if (!entry) {
    const client = new sdk.ChimeSDKMeetingsClient(clientConfig(settings, region));
    const pacer = new Pacer(settings.requestsPerSecond);
    addPacing(client, pacer);
    entry = { client, pacer };
    bySettings.set(key, entry);
  }
  return entry;
}

/**
 * The client for one control region, created once per provider process and kept (with its connections) for
 * every later call; credentials come from the SDK's default chain (or the role chain) when a call needs them,
 * and the SDK caches and refreshes them.
 */
export function clientFor(settings: ProviderSettings, region: string): ChimeSDKMeetingsClient {
  return cached(settings, region).client;
}

/** The pacer behind clientFor(settings, region): throttled calls so far and the current rates. */
export function pacerFor(settings: ProviderSettings, region: string): Pacer {
  return cached(settings, region).pacer;
}

/** Runs `fn` with the process's client for the region. */
export async function withClient<T>(
  settings: ProviderSettings,
  region: string,
  fn: (client: ChimeSDKMeetingsClient) => Promise<T>,
): Promise<T> {
  return fn(clientFor(settings, region));
}

/** The region the shared config files give (profile `region`), looked up once per profile and process. */
const sharedConfigRegions = new Map<string, Promise<string | undefined>>();

function sharedConfigRegion(profile: string | undefined): Promise<string | undefined> {
  const key = profile ?? process.env.AWS_PROFILE ?? "";
  let region = sharedConfigRegions.get(key);
  if (!region) {
    const client = new (chimeSdk().ChimeSDKMeetingsClient)(profile ? { profile } : {});
    region = client.config
      .region()
      .catch(() => undefined)
      .finally(() => client.destroy());
    sharedConfigRegions.set(key, region);
  }
  return region;
}

/**
 * The default control region: stack config, then AWS_REGION / AWS_DEFAULT_REGION, then whatever the SDK
 * resolves from the shared config files (profile `region`). Undefined when none is set.
 */
export async function defaultRegion(settings: ProviderSettings): Promise<string | undefined> {
  return settings.region ?? regionFromEnvironment() ?? (await sharedConfigRegion(settings.profile));
}

/** The stored control region, else the default; reads and deletes must go to the region that created the meeting. */
export async function regionFor(settings: ProviderSettings, stored: string | undefined): Promise<string> {
  const region = stored ?? (await defaultRegion(settings));
  if (!region) throw new Error(`region: ${MISSING_REGION_RULE}`);
  return region;
}

function errorName(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "name" in err ? String(err.name) : undefined;
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
