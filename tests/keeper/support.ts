// Shared by the keeper's end-to-end test and its cost measurement: the environment that points the repository's
// index.ts at an in-process emulator.

/** Test credentials, the emulator for Chime and SSM, a transpile-only program, and the window clock `now`. */
export function emulatorEnv(url: string, now: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS: url,
    AWS_ENDPOINT_URL_SSM: url,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    CHIME_MEETINGS_NOW: now,
  };
}
