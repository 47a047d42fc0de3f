/** What the keeper reads from `exportStack()`: the meetings in the state and who depends on them. */
import { isMeetingType } from "../components/meeting/type-tokens";

export const ADDRESS_TYPE = "pulumi-nodejs:dynamic/chime:MeetingAddress";

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  parent?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  /** Set on the old half of a create-before-delete replacement still awaiting deletion. */
  delete?: boolean;
  outputs?: Record<string, unknown>;
}

export interface Deployment {
  resources?: StateResource[];
  pending_operations?: unknown[];
}

export interface StateMeeting {
  urn: string;
  /** The MeetingId. */
  id: string;
  /** The control region the provider created it in (its `region` output), when the state records it. */
  region?: string;
  /** A refresh found it gone and kept it marked (its `ended` output): the next up replaces it. */
  ended?: boolean;
}

/** The resource name at the end of a URN. */
export function nameOfUrn(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** URN of a top-level resource of the stack (the program declares meetings and addresses without a parent). */
export function resourceUrn(stack: string, project: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

export function stackUrn(stack: string, project: string): string {
  return resourceUrn(stack, project, "pulumi:pulumi:Stack", `${project}-${stack}`);
}

/**
 * Meeting name → its URN, id, region and whether a refresh found it ended; resources of either meeting type
 * (components/meeting/type-tokens.ts) not awaiting deletion only.
 */
export function meetingsInState(d: Deployment): Map<string, StateMeeting> {
  const out = new Map<string, StateMeeting>();
  for (const r of d.resources ?? []) {
    if (!isMeetingType(r.type) || r.delete || !r.id) continue;
    const region = r.outputs?.region;
    out.set(nameOfUrn(r.urn), {
      urn: r.urn,
      id: r.id,
      ...(typeof region === "string" && region !== "" ? { region } : {}),
      ...(r.outputs?.ended === true ? { ended: true } : {}),
    });
  }
  return out;
}

/** The meeting is in the state and was not found ended by a refresh. */
export function isLive(m: StateMeeting | undefined): m is StateMeeting {
  return m !== undefined && m.ended !== true;
}

/**
 * Meeting name → the MeetingId its MeetingAddress last published, as the state records it (undefined when the
 * value cannot be read). A run killed between recreating a meeting and rewriting its address leaves them apart.
 */
export function addressesInState(d: Deployment): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const r of d.resources ?? []) {
    if (r.type !== ADDRESS_TYPE || r.delete) continue;
    const name = nameOfUrn(r.urn).replace(/-address$/, "");
    let meetingId: string | undefined;
    try {
      meetingId = (JSON.parse(String(r.outputs?.value)) as { MeetingId?: string }).MeetingId;
    } catch {
      meetingId = undefined;
    }
    out.set(name, meetingId);
  }
  return out;
}

export function urnsInState(d: Deployment): Set<string> {
  return new Set((d.resources ?? []).filter((r) => !r.delete).map((r) => r.urn));
}

export function pendingOperationCount(d: Deployment): number {
  return d.pending_operations?.length ?? 0;
}

/** Every resource that depends on one of `urns`, directly or transitively (dependencies, property dependencies, parent). */
export function dependentsOf(d: Deployment, urns: Iterable<string>): string[] {
  const found = new Set<string>(urns);
  const roots = new Set(found);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of d.resources ?? []) {
      if (found.has(r.urn) || r.delete) continue;
      const uses = [...(r.dependencies ?? []), ...Object.values(r.propertyDependencies ?? {}).flat(), ...(r.parent ? [r.parent] : [])];
      if (uses.some((u) => found.has(u))) {
        found.add(r.urn);
        grew = true;
      }
    }
  }
  return [...found].filter((u) => !roots.has(u));
}
