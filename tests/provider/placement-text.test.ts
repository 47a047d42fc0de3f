import assert from "node:assert/strict";
import { decodePlacementText, encodePlacementText } from "../../components/meeting/placement-text";
import type { MediaPlacement } from "../../components/meeting/types";

const ID = "da0ca877-2f21-41f5-9654-65e889e92db9";
/** The shape of a CreateMeeting answer (as the API reference's example and the emulator give it). */
const PLACEMENT: MediaPlacement = {
  audioHostUrl: `${ID.replace(/-/g, "")}.k.m1.ue1.app.chime.aws:3478`,
  audioFallbackUrl: `wss://haxrp.m1.ue1.app.chime.aws:443/calls/${ID}`,
  signalingUrl: `wss://signal.m1.ue1.app.chime.aws/control/${ID}`,
  turnControlUrl: "https://2db9.cell.us-east-1.meetings.chime.aws/v2/turn_sessions",
  screenDataUrl: `wss://bitpw.m1.ue1.app.chime.aws:443/v2/screen/${ID}`,
  screenViewingUrl: `wss://bitpw.m1.ue1.app.chime.aws:443/ws/connect?passcode=null&viewer_uuid=null&X-BitHub-Call-Id=${ID}`,
  screenSharingUrl: `wss://bitpw.m1.ue1.app.chime.aws:443/v2/screen/${ID}`,
  eventIngestionUrl: "https://data.svc.ue1.ingest.chime.aws/v1/client-events",
};

describe("the stored media placement text", () => {
  it("writes the eight URLs in order with the meeting id as %i and the dashless id as %h, shorter than the object's JSON", () => {
    const text = encodePlacementText(PLACEMENT, ID);
    const fields = text.split(" ");
    assert.equal(fields[0], "p1");
    assert.equal(fields[1], "%h.k.m1.ue1.app.chime.aws:3478");
    assert.equal(fields[3], "wss://signal.m1.ue1.app.chime.aws/control/%i");
    assert.ok(!text.includes(ID) && !text.includes(ID.replace(/-/g, "")));
    assert.ok(text.length < JSON.stringify(PLACEMENT).length * 0.6, `${text.length} vs ${JSON.stringify(PLACEMENT).length}`);
  });

  it("reads back the media placement as it was written, the meeting id put back", () => {
    assert.deepEqual(decodePlacementText(encodePlacementText(PLACEMENT, ID), ID), PLACEMENT);
  });

  it("keeps absent URLs absent, and percent signs and spaces inside a URL as they were", () => {
    const odd: MediaPlacement = { signalingUrl: `wss://x/%i%25 a/${ID}?q=%h`, eventIngestionUrl: "https://e" };
    const text = encodePlacementText(odd, ID);
    assert.equal(text, "p1   wss://x/%25i%2525%20a/%i?q=%25h     https://e");
    assert.deepEqual(decodePlacementText(text, ID), odd);
    assert.deepEqual(decodePlacementText(encodePlacementText({}, ID), ID), {});
  });

  it("reads back a URL whose meeting id follows a percent sign or a space, even an id that begins like an escape", () => {
    for (const id of ["25aaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "20aaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"]) {
      const dashless = id.replace(/-/g, "");
      const placement: MediaPlacement = { signalingUrl: `wss://x/%${id} ${id}%`, audioHostUrl: `%${dashless} ${dashless}.k` };
      assert.deepEqual(decodePlacementText(encodePlacementText(placement, id), id), placement, id);
    }
  });

  it("writes the id as it is when it is not a GUID, the form the API gives", () => {
    const text = encodePlacementText({ signalingUrl: "wss://s/a%b" }, "a%b");
    assert.equal(text.split(" ")[3], "wss://s/a%25b");
    assert.deepEqual(decodePlacementText(text, "a%b"), { signalingUrl: "wss://s/a%b" });
  });

  it("refuses another format, a wrong number of URLs, an unknown escape and an id reference without an id, naming the rule", () => {
    assert.throws(
      () => decodePlacementText("p1 %zz       ", ID),
      /^Error: the stored media placement has a "%" that starts none of %25, %20, %i, %h$/,
    );
    assert.throws(
      () => decodePlacementText('{"audioHostUrl":"x"}', ID),
      /^Error: the stored media placement is not in the "p1" text format \(20 characters\)$/,
    );
    assert.throws(() => decodePlacementText("p1 a b", ID), /^Error: the stored media placement has 2 URLs, not 8$/);
    assert.throws(
      () => decodePlacementText(encodePlacementText(PLACEMENT, ID), ""),
      /^Error: the stored media placement refers to the meeting id, and the state has none to put back$/,
    );
  });
});
