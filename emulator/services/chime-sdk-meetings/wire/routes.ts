/**
 * Method + path (+ static `operation=` query literal) → API operation, as bound in the service model
 * (docs/API-NOTES.md#operations). Labels are `{Name}` segments; static query literals are part of routing.
 */
export const OPERATIONS = [
  "CreateMeeting",
  "CreateMeetingWithAttendees",
  "GetMeeting",
  "DeleteMeeting",
  "CreateAttendee",
  "BatchCreateAttendee",
  "GetAttendee",
  "ListAttendees",
  "DeleteAttendee",
  "UpdateAttendeeCapabilities",
  "BatchUpdateAttendeeCapabilitiesExcept",
  "StartMeetingTranscription",
  "StopMeetingTranscription",
  "TagResource",
  "UntagResource",
  "ListTagsForResource",
] as const;

export type OperationName = (typeof OPERATIONS)[number];

interface Route {
  operation: OperationName;
  method: string;
  segments: string[];
  /** Required value of the `operation` query parameter, when the URI has a static literal. */
  literal?: string;
}

const route = (operation: OperationName, method: string, uri: string): Route => {
  const [path, query] = uri.split("?");
  return { operation, method, segments: path.split("/").filter(Boolean), literal: query?.replace(/^operation=/, "") };
};

export const ROUTES: readonly Route[] = [
  route("CreateMeeting", "POST", "/meetings"),
  route("CreateMeetingWithAttendees", "POST", "/meetings?operation=create-attendees"),
  route("GetMeeting", "GET", "/meetings/{MeetingId}"),
  route("DeleteMeeting", "DELETE", "/meetings/{MeetingId}"),
  route("CreateAttendee", "POST", "/meetings/{MeetingId}/attendees"),
  route("BatchCreateAttendee", "POST", "/meetings/{MeetingId}/attendees?operation=batch-create"),
  route("GetAttendee", "GET", "/meetings/{MeetingId}/attendees/{AttendeeId}"),
  route("ListAttendees", "GET", "/meetings/{MeetingId}/attendees"),
  route("DeleteAttendee", "DELETE", "/meetings/{MeetingId}/attendees/{AttendeeId}"),
  route("UpdateAttendeeCapabilities", "PUT", "/meetings/{MeetingId}/attendees/{AttendeeId}/capabilities"),
  route("BatchUpdateAttendeeCapabilitiesExcept", "PUT", "/meetings/{MeetingId}/attendees/capabilities?operation=batch-update-except"),
  route("StartMeetingTranscription", "POST", "/meetings/{MeetingId}/transcription?operation=start"),
  route("StopMeetingTranscription", "POST", "/meetings/{MeetingId}/transcription?operation=stop"),
  route("TagResource", "POST", "/tags?operation=tag-resource"),
  route("UntagResource", "POST", "/tags?operation=untag-resource"),
  route("ListTagsForResource", "GET", "/tags"),
];

/** Operations answered with 204 and an empty body; all others 200. */
export const NO_CONTENT: ReadonlySet<OperationName> = new Set(["DeleteAttendee", "DeleteMeeting", "TagResource", "UntagResource"]);

export interface RouteMatch {
  operation: OperationName;
  labels: Record<string, string>;
}

const byMethodAndLength = new Map<string, Route[]>();
for (const r of ROUTES) {
  const key = `${r.method} ${r.segments.length}`;
  byMethodAndLength.set(key, [...(byMethodAndLength.get(key) ?? []), r]);
}

/**
 * Finds the operation. A route with a literal needs `operation=<literal>`; a route without one matches only
 * when no `operation` parameter is present, so an unknown literal is never mistaken for another operation.
 */
export function matchRoute(method: string, rawPath: string, queryOperation: string | undefined): RouteMatch | undefined {
  const key = `${method} ${rawPath} ${queryOperation ?? ""}`;
  const cached = recent.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const found = findRoute(method, rawPath, queryOperation);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, found ?? null);
  return found;
}

/** Clients repeat the same few paths (polling GetMeeting); a small memo skips the segment matching. */
const recent = new Map<string, RouteMatch | null>();
const RECENT_LIMIT = 1024;

function findRoute(method: string, rawPath: string, queryOperation: string | undefined): RouteMatch | undefined {
  const segments = rawPath.split("/").filter(Boolean);
  for (const r of byMethodAndLength.get(`${method} ${segments.length}`) ?? []) {
    if (r.literal !== queryOperation) continue;
    const labels: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      const want = r.segments[i];
      if (want.startsWith("{")) labels[want.slice(1, -1)] = safeDecode(segments[i]);
      else ok = want === segments[i];
    }
    if (ok) return { operation: r.operation, labels };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
