import type { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { emulatorClient } from "./client";
import { bundleEmulatorCli, spawnEmulator, type EmulatorProcess } from "./process";

type Measure = (emulator: EmulatorProcess, client: ChimeSDKMeetingsClient) => Promise<void>;

/**
 * Runs `measure` against the bundled emulator CLI in its own process (--no-lifecycle, so nothing ends while it
 * measures) and one SDK client for it; stops both afterwards, and exits with 1 on a failure.
 */
export function runAgainstEmulator(measure: Measure): void {
  const run = async (): Promise<void> => {
    const emulator = await spawnEmulator(bundleEmulatorCli(), ["--port", "0", "--no-lifecycle"]);
    const client = emulatorClient(emulator.url);
    try {
      await measure(emulator, client);
    } finally {
      client.destroy();
      await emulator.stop();
    }
  };
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
