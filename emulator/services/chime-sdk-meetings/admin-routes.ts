import type { AdminRoute } from "../../core/admin/router";
import { isJsonObject } from "../../core/json";
import type { ChimeBackend } from "./model/backend";

/** The Chime SDK Meetings admin routes: meetings, attendees' connections, the emulator clock and recorded events. */
export function chimeAdminRoutes(backend: ChimeBackend): AdminRoute[] {
  const now = () => ({ now: new Date(backend.now()).toISOString() });
  return [
    ["GET", /^meetings$/, () => backend.listMeetings()],
    ["POST", /^meetings\/([^/]+)\/expire$/, ({ params: [id] }) => backend.expireMeeting(id)],
    ["POST", /^meetings\/([^/]+)\/attendees\/([^/]+)\/join$/, ({ params: [id, aid] }) => backend.setAttendeeJoined(id, aid, true)],
    ["POST", /^meetings\/([^/]+)\/attendees\/([^/]+)\/leave$/, ({ params: [id, aid] }) => backend.setAttendeeJoined(id, aid, false)],
    ["GET", /^clock$/, now],
    [
      "POST",
      /^clock\/advance$/,
      ({ body }) => {
        // Checked by the clock before anything is journaled or applied: a refused value changes nothing.
        backend.advanceClock(isJsonObject(body) ? body.seconds : undefined);
        return now();
      },
    ],
    ["GET", /^events$/, ({ query }) => backend.events.list(query.get("meetingId") ?? undefined)],
  ];
}
