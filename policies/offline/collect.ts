import * as pulumi from "@pulumi/pulumi";
import { isObject } from "../../chime/checks";
import { mockCall, mockOutputs, type MockEnvironment } from "./mock-outputs";
import type { CollectedResource } from "./types";

export interface CollectOptions {
  /** Absolute path of the stack program (a module that registers resources, or exports a function that does). */
  programPath?: string;
  /** An inline program instead of a path (benchmarks, tests). */
  program?: () => unknown;
  project: string;
  stack: string;
  config: Record<string, string>;
  secretKeys?: string[];
  accountId?: string;
}

type Props = Record<string, unknown>;

/** Mock arguments are untyped; resource inputs are always an object of properties. */
function propsOf(value: unknown): Props {
  return isObject(value) ? value : {};
}

/** What running the program's module means: call what it exports as a function (or `default`), else nothing more. */
function programEntry(exported: unknown): (() => unknown) | undefined {
  const entry: unknown = isObject(exported) ? exported.default : exported;
  return typeof entry === "function" ? (): unknown => Reflect.apply(entry, exported, []) : undefined;
}

/**
 * Runs a Pulumi program with mocks (no engine, no cloud credentials, no provider plugins) and records every
 * resource it registers with its inputs and mock outputs. One run per process: mocks are global state.
 */
export async function collectResources(options: CollectOptions): Promise<CollectedResource[]> {
  const env: MockEnvironment = {
    accountId: options.accountId ?? "123456789012",
    region: options.config["aws:region"] ?? options.config["aws-native:region"] ?? "us-east-1",
  };
  const resources: CollectedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const inputs = propsOf(args.inputs);
        const { id, state } = mockOutputs(args.type, args.name, inputs, env);
        resources.push({
          type: args.type,
          name: args.name,
          urn: `urn:pulumi:${options.stack}::${options.project}::${args.type}::${args.name}`,
          inputs,
          outputs: state,
          dependencies: [],
          propertyDependencies: {},
        });
        return { id, state };
      },
      call: (args) => mockCall(args.token, propsOf(args.inputs), env),
    },
    options.project,
    options.stack,
    false,
  );
  pulumi.runtime.setAllConfig(options.config, options.secretKeys ?? []);
  await pulumi.runtime.runInPulumiStack(async () => {
    if (options.program !== undefined) return await options.program();
    if (options.programPath === undefined) throw new Error("collectResources: programPath or program is required");
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program to evaluate is a path known at run time
    const program: unknown = require(options.programPath);
    const entry = programEntry(program);
    return entry === undefined ? program : await entry();
  });
  await pulumi.runtime.disconnect();
  return resources.filter((r) => !r.type.startsWith("pulumi:providers:") && r.type !== "pulumi:pulumi:Stack");
}
