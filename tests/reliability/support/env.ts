// The environment a fleet program needs to reach an emulator (credentials, region, endpoint), and the
// knobs that keep CLI runs quick and quiet.
import * as crypto from "node:crypto";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export const TEST_CREDENTIALS: Credentials = { accessKeyId: "test", secretAccessKey: "test" };

/** Long random credentials: unlike "test", they cannot appear in a file by accident, so a scan for them means something. */
export function randomCredentials(): Credentials {
  return {
    accessKeyId: `AKIA${crypto.randomBytes(8).toString("hex").toUpperCase()}`,
    secretAccessKey: crypto.randomBytes(30).toString("base64url"),
  };
}

export function fleetEnv(endpoint: string, creds: Credentials = TEST_CREDENTIALS): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: creds.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
    AWS_SESSION_TOKEN: "",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: endpoint,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    // The generated program is type-checked by tsc in CI already; skip it per run.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  };
}
