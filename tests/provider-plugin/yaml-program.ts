// Writes the YAML program of the plugin's end-to-end test: two meetings, the second a replica of the first.
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../support/pulumi";

export const PLUGIN_DIR = path.join(repoRoot, "provider");

export interface YamlMeeting {
  externalMeetingId: string;
  mediaRegion: string;
  tags?: Record<string, string>;
  attendees: { externalUserId: string; capabilities?: Record<string, string> }[];
}

/** The first lines of a Pulumi.yaml whose `chime-meetings` plugin is this repository's provider/ directory. */
export function pluginProjectLines(project: string, runtime: "yaml" | "nodejs"): string[] {
  return [
    `name: ${project}`,
    `runtime: ${runtime}`,
    ...(runtime === "nodejs" ? ["main: index.ts"] : []),
    "plugins:",
    "  providers:",
    "    - name: chime-meetings",
    `      path: ${PLUGIN_DIR}`,
  ];
}

function yamlValue(value: unknown, indent: string): string {
  // JSON is YAML; one line per property keeps the program readable in test failures.
  return JSON.stringify(value).replace(/\n/g, `\n${indent}`);
}

function meetingBlock(name: string, m: YamlMeeting, extra: Record<string, string> = {}): string[] {
  const props: Record<string, unknown> = { externalMeetingId: m.externalMeetingId, mediaRegion: m.mediaRegion, attendees: m.attendees };
  if (m.tags) props.tags = m.tags;
  return [
    `  ${name}:`,
    "    type: chime-meetings:index:Meeting",
    "    properties:",
    ...Object.entries(props).map(([k, v]) => `      ${k}: ${yamlValue(v, "      ")}`),
    ...Object.entries(extra).map(([k, v]) => `      ${k}: ${v}`),
  ];
}

/** Pulumi.yaml of a YAML project whose `chime-meetings` plugin is this repository's provider/ directory. */
export function writeYamlProgram(workDir: string, project: string, primary: YamlMeeting, replica: YamlMeeting): void {
  const lines = [
    ...pluginProjectLines(project, "yaml"),
    "resources:",
    ...meetingBlock("primary", primary),
    ...meetingBlock("replica", replica, { primaryMeetingId: "${primary.meetingId}" }),
    "outputs:",
    "  primaryId: ${primary.meetingId}",
    "  replicaId: ${replica.meetingId}",
    "  replicaPrimaryId: ${replica.primaryMeetingId}",
    "  primaryAttendees: ${primary.attendees}",
    "  replicaAttendees: ${replica.attendees}",
    "",
  ];
  fs.writeFileSync(path.join(workDir, "Pulumi.yaml"), lines.join("\n"));
}
