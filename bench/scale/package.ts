import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The compiled package as a consumer installs it: this repository's sources built with tsconfig.build.json into a
 * folder of its own (not `bin/`, which other jobs in this tree rebuild), with the repository's package.json beside
 * it so that `chime-meetings` and `chime-meetings/meeting-provider` resolve through its `exports`. The folder sits
 * inside the repository, so the package's own dependencies (the AWS SDK, @pulumi/pulumi) resolve from the
 * repository's node_modules, one copy shared with the program, as npm would hoist them.
 */
export function buildPackage(repoRoot: string, dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  execFileSync(
    process.execPath,
    [tsc, "-p", path.join(repoRoot, "tsconfig.build.json"), "--outDir", path.join(dir, "bin"), "--declaration", "false"],
    {
      cwd: repoRoot,
      stdio: "inherit",
    },
  );
  fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(dir, "package.json"));
  return dir;
}

/**
 * Makes `chime-meetings` resolve to the built package from a program's folder, as `npm install` would. The folder
 * gets a package.json of its own: without it, the repository's package.json (also named chime-meetings) would be the
 * nearest, and Node would resolve `chime-meetings` to the repository's own `bin/` by self-reference.
 */
export function linkPackage(workDir: string, packageDir: string): void {
  fs.writeFileSync(path.join(workDir, "package.json"), `${JSON.stringify({ name: path.basename(workDir), private: true })}\n`);
  const modules = path.join(workDir, "node_modules");
  fs.mkdirSync(modules, { recursive: true });
  fs.symlinkSync(packageDir, path.join(modules, "chime-meetings"), "dir");
}
