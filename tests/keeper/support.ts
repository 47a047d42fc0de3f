// Shared by the keeper's end-to-end test and its cost measurement: a project whose program is the
// repository's index.ts, and the environment that points it at an in-process emulator.
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../support/pulumi";

/** Writes a Pulumi.yaml in `workDir` whose program is the repository's index.ts. */
export function writeProgramProject(workDir: string): void {
  fs.writeFileSync(
    path.join(workDir, "Pulumi.yaml"),
    [
      "name: chime-meetings",
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: true",
      `main: ${path.relative(workDir, path.join(repoRoot, "index.ts"))}`,
      "",
    ].join("\n"),
  );
}

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
