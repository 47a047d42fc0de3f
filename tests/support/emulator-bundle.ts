import { join } from "node:path";
import { buildSync } from "esbuild";

const ROOT = join(__dirname, "..", "..");

/** Compiles the emulator CLI with esbuild to the one plain JS file `outfile`, so a child runs it without ts-node. */
export function bundleEmulatorCliTo(outfile: string): string {
  buildSync({
    entryPoints: [join(ROOT, "emulator", "cli.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile,
    logLevel: "error",
  });
  return outfile;
}
