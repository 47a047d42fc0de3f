import assert from "node:assert/strict";
import { meetingsTable } from "../../scripts/start/table";

describe("npm start meetings table", () => {
  it("shows name, meeting id, media region, attendees and tags in aligned columns", () => {
    const table = meetingsTable({
      townhall: { meetingId: "m-1", mediaRegion: "us-east-1", attendees: ["a", "b", "c", "d"], tags: { team: "comms", event: "q4" } },
      "townhall-eu": { meetingId: "m-2", mediaRegion: "eu-central-1", primary: "townhall", attendees: [], tags: {} },
    });
    assert.equal(
      table,
      [
        "NAME         MEETING ID  MEDIA REGION                        ATTENDEES        TAGS",
        "townhall     m-1         us-east-1                           4 (a, b, c, +1)  event=q4, team=comms",
        "townhall-eu  m-2         eu-central-1 (replica of townhall)  0                -",
      ].join("\n"),
    );
  });
});
