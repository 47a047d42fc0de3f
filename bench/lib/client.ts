import { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";

/** A real SDK client for the emulator at `url`, with the emulator's test credentials and no retries (a retry would hide a failure in the figures). */
export function emulatorClient(url: string): ChimeSDKMeetingsClient {
  return new ChimeSDKMeetingsClient({
    endpoint: url,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
}
