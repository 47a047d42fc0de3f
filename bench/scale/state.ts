import type { Stack } from "@pulumi/pulumi/automation";

export interface StateFigures {
  totalBytes: number;
  bytesPerResource: number;
  providerBytes: number;
  /** How many times one resource's state holds its serialized provider (inputs, outputs). */
  providerCopies: number;
}

interface StateResource {
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** Size of the exported checkpoint and of the serialized provider inside one dynamic resource. */
export async function stateFigures(stack: Stack, count: number): Promise<StateFigures> {
  const exported = await stack.exportStack();
  const text = JSON.stringify(exported.deployment);
  const resources = ((exported.deployment as { resources?: StateResource[] }).resources ?? []).filter((r) =>
    r.type.startsWith("pulumi-nodejs:dynamic"),
  );
  const first = resources[0];
  const provider = first?.inputs?.__provider;
  const providerBytes = typeof provider === "string" ? provider.length : JSON.stringify(provider ?? "").length;
  const providerCopies = [first?.inputs?.__provider, first?.outputs?.__provider].filter((p) => p !== undefined).length;
  return { totalBytes: text.length, bytesPerResource: text.length / count, providerBytes, providerCopies };
}
