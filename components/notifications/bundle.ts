import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type * as esbuild from "esbuild";
import { HANDLER_BUNDLE_OPTIONS } from "./bundle-options";

export { DEFAULT_HANDLER_RUNTIME, HANDLER_FUNCTION } from "./bundle-options";

/** Running from this repository's TypeScript sources rather than the built package. */
const FROM_SOURCES = __filename.endsWith(".ts");

/** The handler's bundle entry in the sources: `lambda.ts` (or `lambda.js`) in `dir`. */
export function handlerEntry(dir: string = path.join(__dirname, "handler")): string {
  const candidates = [".ts", ".js"].map((ext) => path.join(dir, `lambda${ext}`));
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined) throw new Error(`handler entry: none of ${candidates.join(", ")} exists`);
  return found;
}

/** The bundle the build step wrote (bin/handler/index.js), found from the built `bin/components/notifications/`. */
export function prebuiltHandlerPath(dir: string = __dirname): string {
  return path.resolve(dir, "..", "..", "handler", "index.js");
}

let cachedBundle: string | undefined;

/**
 * Bundles the handler from its TypeScript sources with esbuild (a development dependency): only when running
 * from this repository's sources, so a change to the handler is deployed without a build.
 */
export function bundleHandler(): string {
  if (cachedBundle === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a development dependency, needed only when bundling from sources
    const { buildSync } = require("esbuild") as typeof esbuild;
    cachedBundle = buildSync({ ...HANDLER_BUNDLE_OPTIONS, entryPoints: [handlerEntry()], write: false }).outputFiles[0].text;
  }
  return cachedBundle;
}

/** The function code as `index.js` (handler `index.handler`): the pre-built bundle, or the sources bundled now. */
export function handlerArchive(fromSources: boolean = FROM_SOURCES): pulumi.asset.AssetArchive {
  if (fromSources) return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundleHandler()) });
  const file = prebuiltHandlerPath();
  if (!fs.existsSync(file)) throw new Error(`handler bundle: ${file} is missing; the package was not built (npm run build)`);
  return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.FileAsset(file) });
}
