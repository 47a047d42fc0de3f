import * as fs from "node:fs";
import * as path from "node:path";
import { readJsonObject, readYamlMapping } from "./files";

/**
 * The program `pulumi` would run for the project in `projectDir`: Pulumi.yaml's `main` (a file, or a folder with a
 * package.json `main` or an index file), else package.json's `main`, else index.ts / index.js.
 */
export function resolveProgram(projectDir: string): string {
  const project = readYamlMapping(path.join(projectDir, "Pulumi.yaml"));
  const main = typeof project.main === "string" ? path.resolve(projectDir, project.main) : projectDir;
  if (fs.existsSync(main) && fs.statSync(main).isFile()) return main;
  const pkgFile = path.join(main, "package.json");
  const pkgMain = fs.existsSync(pkgFile) ? readJsonObject(pkgFile)?.main : undefined;
  const candidates = [
    ...(typeof pkgMain === "string" ? [path.resolve(main, pkgMain)] : []),
    path.join(main, "index.ts"),
    path.join(main, "index.js"),
  ];
  const found = candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
  if (found === undefined)
    throw new Error(
      `--cwd: no program found in ${main} (looked for ${candidates.map((c) => path.relative(projectDir, c) || c).join(", ")})`,
    );
  return found;
}

/**
 * Lets `require` load a TypeScript program the way `pulumi` does: ts-node and typescript from the project if it has
 * them, else the copies that @pulumi/pulumi vendors (transpile only: the check needs no type errors).
 */
export function enableTypeScript(projectDir: string): void {
  if (require.extensions[".ts"]) return;
  const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [projectDir, __dirname] }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
  const tsutils = require(path.join(pulumiDir, "tsutils")) as {
    typeScriptRequireStrings(): { tsnodeRequire: string; typescriptRequire: string };
  };
  const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
  const tsNode = require(tsnodeRequire) as { register(options: Record<string, unknown>): void };
  const tsconfig = path.join(projectDir, "tsconfig.json");
  tsNode.register({
    compiler: typescriptRequire,
    transpileOnly: true,
    skipProject: !fs.existsSync(tsconfig),
    project: tsconfig,
    compilerOptions: { module: "commonjs", target: "ES2020", moduleResolution: "node" },
  });
}
