import * as fs from "node:fs";
import * as path from "node:path";

/** The package's root directory: the nearest folder above `from` whose package.json is this package's. */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string }).name === "chime-meetings") return dir;
    if (path.dirname(dir) === dir) throw new Error(`package root: no package.json of chime-meetings above ${from}`);
  }
}

/** The version the commands print for `--version`. */
export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}
