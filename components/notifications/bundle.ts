import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { buildSync } from "esbuild";

/** The handler's bundle entry: the TypeScript source, or its compiled `.js` when running from `bin/`. */
export function handlerEntry(dir: string = path.join(__dirname, "handler")): string {
  const candidates = [".ts", ".js"].map((ext) => path.join(dir, `lambda${ext}`));
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined) throw new Error(`handler entry: none of ${candidates.join(", ")} exists`);
  return found;
}

/** The Lambda settings that match the bundle. */
export const HANDLER_RUNTIME = "nodejs20.x";
export const HANDLER_FUNCTION = "index.handler";

let cachedBundle: string | undefined;

/**
 * Bundles the event handler into one CommonJS file for Node 20 (no dependencies outside this repository, so nothing
 * is marked external). Cached: every component in a program ships the same code.
 */
export function bundleHandler(): string {
  if (cachedBundle === undefined) {
    const result = buildSync({
      entryPoints: [handlerEntry()],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      write: false,
      legalComments: "none",
      logLevel: "silent",
    });
    cachedBundle = result.outputFiles[0].text;
  }
  return cachedBundle;
}

/** The function code: the bundle as `index.js`, so the handler is `index.handler`. */
export function handlerArchive(): pulumi.asset.AssetArchive {
  return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundleHandler()) });
}
