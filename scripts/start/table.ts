/** One row of the `npm start` summary, from the stack output `meetings`. */
export interface MeetingSummary {
  meetingId?: string;
  mediaRegion?: string;
  primary?: string;
  attendees?: string[];
  tags?: Record<string, string>;
}

const MAX_NAMES = 3;

function attendeesCell(names: string[] = []): string {
  if (names.length === 0) return "0";
  const shown = names.slice(0, MAX_NAMES).join(", ");
  return `${names.length} (${shown}${names.length > MAX_NAMES ? `, +${names.length - MAX_NAMES}` : ""})`;
}

function tagsCell(tags: Record<string, string> = {}): string {
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "-" : entries.map(([k, v]) => `${k}=${v}`).join(", ");
}

/** A plain-text table: name, meeting id, media region (and primary for replicas), attendees, tags. */
export function meetingsTable(meetings: Record<string, MeetingSummary>): string {
  const header = ["NAME", "MEETING ID", "MEDIA REGION", "ATTENDEES", "TAGS"];
  const rows = Object.entries(meetings).map(([name, m]) => [
    name,
    m.meetingId ?? "-",
    m.primary ? `${m.mediaRegion ?? "-"} (replica of ${m.primary})` : (m.mediaRegion ?? "-"),
    attendeesCell(m.attendees),
    tagsCell(m.tags),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
