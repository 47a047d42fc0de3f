import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { allPolicies } from "../rules/catalog";
import { collectResources } from "./collect";
import { evaluatePolicies } from "./evaluate";
import { formatReport, hasMandatory } from "./report";
import { readStackConfig } from "./stackConfig";

/**
 * Offline policy check for pull requests: runs the stack program with Pulumi mocks (no credentials, no AWS provider
 * plugin), then the pack's own rules with a policy config file.
 *
 *   npm run policy:check -- --stack dev [--config policies/config/dev.json] [--program index.ts] [--project-dir .]
 *                                      [--format text|json]
 * Exit codes: 0 no mandatory violation, 1 a mandatory violation, 2 the check itself failed.
 */
interface CliOptions {
  stack: string;
  config?: string;
  program?: string;
  projectDir: string;
  format: "text" | "json";
}

const USAGE = "usage: policy:check --stack <name> [--config <policy-config.json>] [--program <path>] [--project-dir <dir>] [--format text|json]";

function parseArgs(argv: string[]): CliOptions {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!["--stack", "--config", "--program", "--project-dir", "--format"].includes(flag) || value === undefined) {
      throw new Error(`argument ${JSON.stringify(flag)} is not understood; ${USAGE}`);
    }
    values[flag.slice(2)] = value;
  }
  if (values.stack === undefined) throw new Error(`--stack is required; ${USAGE}`);
  const projectDir = resolve(values["project-dir"] ?? (values.program ? dirname(resolve(values.program)) : "."));
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new Error(`--format: value ${JSON.stringify(format)} must be text or json`);
  return { stack: values.stack, config: values.config, program: values.program, projectDir, format };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const stackConfig = readStackConfig(options.projectDir, options.stack);
  const packConfig = options.config === undefined ? {} : JSON.parse(readFileSync(resolve(options.config), "utf8")) as Record<string, unknown>;
  const resources = await collectResources({
    programPath: resolve(options.program ?? `${options.projectDir}/index.ts`),
    project: stackConfig.project, stack: options.stack, config: stackConfig.values, secretKeys: stackConfig.secretKeys,
  });
  const violations = await evaluatePolicies(allPolicies, resources, packConfig);
  const output = options.format === "json"
    ? JSON.stringify({ resources: resources.length, violations }, null, 2)
    : formatReport(violations, resources.length);
  process.stdout.write(`${output}\n`);
  return hasMandatory(violations) ? 1 : 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`policy:check: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
