import * as fs from "node:fs";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { linkPackage } from "./package";

/**
 * The two programs the scale bench compares. Both declare `scale:count` resources with the same inputs
 * (media region, external id, two tags, attendees); one uses the Meeting provider, the other a dynamic
 * provider that only echoes its inputs, which is as cheap as a dynamic resource can be: the engine's floor.
 */
export type Side = "meeting" | "noop" | "before";

/**
 * Where a Meeting program gets the provider: the compiled package (what a user installs: the provider process
 * loads plain JS), or TypeScript sources (this tree's or an older copy's `components/meeting`, loaded through
 * ts-node in the program and in the provider process).
 */
export type MeetingFrom = { packageDir: string } | { sourceDir: string };

function header(name: string): string {
  return `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`;
}

const SHARED_ARGS = `
const config = new pulumi.Config("scale");
const count = config.requireNumber("count");
const attendeeCounts = config.requireObject<number[]>("attendeeCounts");
function argsFor(i: number) {
  const k = attendeeCounts[i % attendeeCounts.length]!;
  return {
    mediaRegion: "us-east-1",
    externalMeetingId: "scale-" + i,
    tags: { bench: "scale", index: String(i) },
    attendees: Array.from({ length: k }, (_, j) => ({ externalUserId: "user-" + i + "-" + j })),
  };
}
`;

function meetingProgram(workDir: string, repoRoot: string, from?: MeetingFrom): string {
  let meetingModule = "chime-meetings";
  if (from && "packageDir" in from) linkPackage(workDir, from.packageDir);
  else {
    // SCALE_MEETING_DIR measures another copy of components/meeting (e.g. an older version) with the same bench.
    const dir = from?.sourceDir ?? process.env.SCALE_MEETING_DIR ?? path.join(repoRoot, "components", "meeting");
    meetingModule = path.relative(workDir, path.join(dir, "meeting")).split(path.sep).join("/");
  }
  return `import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "${meetingModule}";
${SHARED_ARGS}
for (let i = 0; i < count; i += 1) new Meeting("m" + i, argsFor(i));
`;
}

const NOOP_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
${SHARED_ARGS}
let next = 0;
const echo: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    next += 1;
    return { id: "noop-" + process.pid + "-" + next, outs: inputs };
  },
};
// scale:secretAttendees marks the attendees output secret, as the Meeting does (secret-outputs.ts).
const secretOptions = config.getBoolean("secretAttendees") ? { additionalSecretOutputs: ["attendees"] } : undefined;
class Echo extends pulumi.dynamic.Resource {
  constructor(name: string, args: pulumi.Inputs) {
    super(echo, name, args, secretOptions, "scale", "Echo");
  }
}
// scale:padding adds that many bytes to each resource's inputs (and so its outputs): state size alone (padding.ts).
const padding = "p".repeat(config.getNumber("padding") ?? 0);
for (let i = 0; i < count; i += 1) new Echo("m" + i, padding ? { ...argsFor(i), padding } : argsFor(i));
`;

/**
 * Writes the project of one side into `workDir` (which must sit inside the repository so node_modules resolves).
 * `from` says where a Meeting side loads the provider; without it, this tree's TypeScript sources.
 */
export function writeProgram(side: Side, workDir: string, repoRoot: string, from?: MeetingFrom): void {
  fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), header(`scale-${side}`));
  fs.writeFileSync(path.join(workDir, "index.ts"), side === "noop" ? NOOP_PROGRAM : meetingProgram(workDir, repoRoot, from));
}

/**
 * The stack config every scale program reads: `count` resources with `attendeeCounts` attendees (cycled), in
 * us-east-1. `paced`: the provider's own pacing at its default; otherwise off, as the emulator the benches start has
 * no rate limit.
 */
export async function configureScaleStack(stack: Stack, count: number, attendeeCounts: number[], paced = false): Promise<void> {
  await stack.setConfig("scale:count", { value: String(count) });
  await stack.setConfig("scale:attendeeCounts", { value: JSON.stringify(attendeeCounts) });
  await stack.setConfig("chime-meetings:region", { value: "us-east-1" });
  if (!paced) await stack.setConfig("chime-meetings:requestsPerSecond", { value: "0" });
}
