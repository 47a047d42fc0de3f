// Compares what the emulator holds with what the program declares: the one oracle every reliability
// suite uses ("exactly the declared meetings and attendees — no orphans, no duplicates").
import type { AdminMeeting } from "../../../emulator";
import type { DeclaredMeeting } from "./fleet";

/** Every difference, as readable lines; empty when the emulator holds exactly the declared set. */
export function fleetProblems(live: AdminMeeting[], declared: DeclaredMeeting[]): string[] {
  const problems: string[] = [];
  const byExternalId = new Map<string, AdminMeeting[]>();
  for (const m of live) byExternalId.set(m.externalMeetingId, [...(byExternalId.get(m.externalMeetingId) ?? []), m]);
  const wanted = new Set(declared.map((d) => d.externalMeetingId));
  for (const [id, list] of byExternalId) {
    if (!wanted.has(id)) problems.push(`orphan: ${list.length} live meeting(s) ${id} not declared`);
  }
  for (const d of declared) {
    const list = byExternalId.get(d.externalMeetingId) ?? [];
    if (list.length === 0) {
      problems.push(`missing: ${d.externalMeetingId}`);
      continue;
    }
    if (list.length > 1) problems.push(`duplicate: ${list.length} live meetings ${d.externalMeetingId}`);
    const m = list[0];
    const users = m.attendees.map((a) => a.externalUserId).sort();
    const want = d.attendees.map((a) => a.externalUserId).sort();
    if (new Set(users).size !== users.length) problems.push(`duplicate attendees in ${d.externalMeetingId}`);
    const extra = users.filter((u) => !want.includes(u));
    const absent = want.filter((u) => !users.includes(u));
    if (extra.length > 0) problems.push(`orphan attendees in ${d.externalMeetingId}: ${extra.join(", ")}`);
    if (absent.length > 0) problems.push(`missing attendees in ${d.externalMeetingId}: ${absent.join(", ")}`);
    const tags = Object.fromEntries(m.tags.map((t) => [t.key, t.value]));
    if (JSON.stringify(sorted(tags)) !== JSON.stringify(sorted(d.tags ?? {}))) {
      problems.push(`tags of ${d.externalMeetingId}: ${JSON.stringify(sorted(tags))} != ${JSON.stringify(sorted(d.tags ?? {}))}`);
    }
  }
  return problems;
}

function sorted(o: Record<string, string>): [string, string][] {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** ExternalMeetingIds held by more than one live meeting. */
export function duplicateExternalIds(live: AdminMeeting[]): string[] {
  const seen = new Map<string, number>();
  for (const m of live) seen.set(m.externalMeetingId, (seen.get(m.externalMeetingId) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

/**
 * Differences between the state's view (the stack's joinInfo output) and the emulator: each declared
 * meeting's attendees must be the live ones, by attendeeId, each with a join token.
 */
export function stateProblems(
  live: AdminMeeting[],
  declared: DeclaredMeeting[],
  joinInfo: Record<string, { attendeeId: string; joinToken?: string }[]>,
): string[] {
  const problems: string[] = [];
  for (const d of declared) {
    const m = live.find((x) => x.externalMeetingId === d.externalMeetingId);
    const stated = joinInfo[d.name] ?? [];
    const liveIds = (m?.attendees ?? []).map((a) => a.attendeeId).sort();
    const statedIds = stated.map((a) => a.attendeeId).sort();
    if (JSON.stringify(liveIds) !== JSON.stringify(statedIds)) problems.push(`state attendees of ${d.name} differ from the live ones`);
    const tokenless = stated.filter((a) => !a.joinToken).length;
    if (tokenless > 0) problems.push(`${tokenless} attendee(s) of ${d.name} have no join token in the state`);
  }
  return problems;
}
