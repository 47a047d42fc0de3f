#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { packageVersion } from "../../lib/package-info";
import { allPolicies } from "../rules/catalog";
import { parsePackConfig } from "../pack-entry";
import { collectResources } from "./collect";
import { evaluatePolicies } from "./evaluate";
import { enableTypeScript, resolveProgram } from "./program";
import { formatReport, hasMandatory } from "./report";
import { readStackConfig } from "./stack-config";

const HELP = `Usage: chime-meetings-policy-check --stack NAME [options]

Offline policy check for pull requests: runs a Pulumi program with mocks (no credentials, no provider plugins,
no backend) and evaluates the chime-meetings policy rules on the resources it declares.

Options:
  --stack NAME          the stack whose Pulumi.NAME.yaml config the program gets (required)
  --cwd DIR             the Pulumi project directory (default: the current directory)
  --config FILE         a policy pack config (as for pulumi preview --policy-pack-config), e.g.
                        node_modules/chime-meetings/policies/config/dev.json
  --program FILE        the program to run (default: Pulumi.yaml main, package.json main, index.ts or index.js)
  --format text|json    report format (default text)
  --help                show this help
  --version             print the version

Exit codes: 0 no mandatory violation, 1 at least one mandatory violation, 2 the check could not run
(bad flags, missing stack config, a program that fails).`;

export class UsageError extends Error {}

export interface CheckOptions {
  stack: string;
  projectDir: string;
  config?: string;
  program?: string;
  format: "text" | "json";
}

/** Parses argv (without node and script); "help"/"version" for those flags. */
export function parseCheckArgs(argv: string[]): CheckOptions | "help" | "version" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        stack: { type: "string" },
        cwd: { type: "string" },
        config: { type: "string" },
        program: { type: "string" },
        format: { type: "string" },
        help: { type: "boolean" },
        version: { type: "boolean" },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return "help";
  if (values.version) return "version";
  if (values.stack === undefined || values.stack === "") throw new UsageError("--stack: is required (e.g. --stack dev)");
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format: value ${JSON.stringify(format)} must be text or json`);
  return { stack: values.stack, projectDir: resolve(values.cwd ?? "."), config: values.config, program: values.program, format };
}

function readPackConfig(file: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  return parsePackConfig(parsed, `--config: ${file}`);
}

async function check(options: CheckOptions): Promise<number> {
  const stackConfig = readStackConfig(options.projectDir, options.stack);
  const packConfig = options.config === undefined ? {} : readPackConfig(resolve(options.config));
  const programPath = options.program !== undefined ? resolve(options.program) : resolveProgram(options.projectDir);
  if (programPath.endsWith(".ts")) enableTypeScript(options.projectDir);
  process.chdir(options.projectDir);
  const resources = await collectResources({
    programPath,
    project: stackConfig.project,
    stack: options.stack,
    config: stackConfig.values,
    secretKeys: stackConfig.secretKeys,
  });
  const violations = await evaluatePolicies(allPolicies, resources, packConfig);
  const output =
    options.format === "json"
      ? JSON.stringify({ resources: resources.length, violations }, null, 2)
      : formatReport(violations, resources.length);
  process.stdout.write(`${output}\n`);
  return hasMandatory(violations) ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseCheckArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`chime-meetings-policy-check: ${err.message}\nTry --help.\n`);
    return 2;
  }
  if (options === "help") process.stdout.write(`${HELP}\n`);
  if (options === "version") process.stdout.write(`${packageVersion()}\n`);
  if (typeof options === "string") return 0;
  return check(options);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`chime-meetings-policy-check: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
