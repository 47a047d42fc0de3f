import type { OptionalResource } from "./args";

export interface OptionalResourceBuilders<TArgs, TExisting, TResult> {
  create(args: TArgs): TResult;
  adopt(existing: TExisting): TResult;
}

/**
 * One way to resolve every optional supporting resource: undefined when skipped, the adopted one when `existing`
 * is given, else one created from `defaults.args` overlaid with `input.args`.
 */
export function resolveOptionalResource<TArgs extends object, TExisting, TResult>(
  input: OptionalResource<TArgs, TExisting> | undefined,
  defaults: { skip: boolean; args: TArgs },
  builders: OptionalResourceBuilders<TArgs, TExisting, TResult>,
): TResult | undefined {
  if (input === undefined) return defaults.skip ? undefined : builders.create(defaults.args);
  if (input.skip === true) return undefined;
  if (input.existing !== undefined) return builders.adopt(input.existing);
  return builders.create({ ...defaults.args, ...input.args });
}

/** How many of skip/existing/args are set; more than one is ambiguous. */
export function optionalResourceModes(input: OptionalResource<object, unknown> | undefined): string[] {
  if (input === undefined) return [];
  const modes: string[] = [];
  if (input.skip === true) modes.push("skip");
  if (input.existing !== undefined) modes.push("existing");
  if (input.args !== undefined) modes.push("args");
  return modes;
}
