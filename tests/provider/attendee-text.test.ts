import assert from "node:assert/strict";
import { decodeAttendeeText, encodeAttendeeText } from "../../components/meeting/attendee-text";
import type { AttendeeOutput } from "../../components/meeting/types";

const ALICE: AttendeeOutput = {
  externalUserId: "alice",
  attendeeId: "99b97e61-8560-42be-954b-7f604b3359db",
  capabilities: { audio: "SendReceive", video: "SendReceive", content: "SendReceive" },
  joinToken: "OTliOTdlNjEtODU2MC00MmJlLTk1NGItN2Y2MDRiMzM1OWRi+/Q==",
};

function throwsWithout(text: string, expected: RegExp, secret: string): void {
  assert.throws(
    () => decodeAttendeeText(text),
    (err: Error) => {
      assert.match(err.message, expected);
      assert.ok(!err.message.includes(secret), `the message must not quote the text: ${err.message}`);
      return true;
    },
  );
}

describe("the stored attendee text", () => {
  it("writes one record per attendee: externalUserId, attendeeId, capability digits and join token", () => {
    assert.equal(encodeAttendeeText([ALICE]), `a1,alice ${ALICE.attendeeId} 333 ${ALICE.joinToken}`);
    assert.equal(encodeAttendeeText([]), "a1");
  });

  it("reads back every attendee as it was written, capabilities and absent join tokens included", () => {
    const list: AttendeeOutput[] = [
      ALICE,
      { externalUserId: "bob", attendeeId: "b-2", capabilities: { audio: "Send", video: "Receive", content: "None" } },
      { externalUserId: "carol", attendeeId: "c-3", capabilities: { audio: "Receive", video: "None", content: "Send" }, joinToken: "t" },
    ];
    const text = encodeAttendeeText(list);
    assert.equal(text.split(",")[2], "bob b-2 120 ");
    assert.deepEqual(decodeAttendeeText(text), list);
    assert.deepEqual(decodeAttendeeText("a1"), []);
  });

  it("keeps spaces, commas and percent signs inside an externalUserId (the API allows spaces and commas)", () => {
    const odd: AttendeeOutput = { ...ALICE, externalUserId: "Doe, Jane (100% %20 host)\t«x»" };
    const text = encodeAttendeeText([odd, ALICE]);
    assert.equal(text.split(",").length, 3);
    assert.deepEqual(decodeAttendeeText(text), [odd, ALICE]);
  });

  it("reads an empty join token as absent, and empty ids as empty (the fields stay unambiguous)", () => {
    const withoutToken: AttendeeOutput = {
      externalUserId: ALICE.externalUserId,
      attendeeId: ALICE.attendeeId,
      capabilities: ALICE.capabilities,
    };
    assert.deepEqual(decodeAttendeeText(encodeAttendeeText([{ ...ALICE, joinToken: "" }])), [withoutToken]);
    const emptyIds = { ...ALICE, externalUserId: "", attendeeId: "" };
    assert.deepEqual(decodeAttendeeText(encodeAttendeeText([emptyIds])), [emptyIds]);
  });

  it("refuses a text of another format, a record without four fields, bad capability digits and an unknown escape, never quoting the text", () => {
    throwsWithout("a1,alice id-1 333 secret%zz", /^stored attendee 1 of 1 has a "%" that starts none of %25, %20, %2C$/, "secret");
    throwsWithout(
      "[{}]",
      /^the stored attendees are not in the "a1" text format \(4 characters; not shown: they hold join tokens\)$/,
      "[{}]",
    );
    throwsWithout(
      "a1,alice id-1 333",
      /^stored attendee 1 of 1 has 3 fields, not 4 \(externalUserId attendeeId capabilities joinToken\)$/,
      "alice",
    );
    throwsWithout(
      "a1,alice id-1 333 tok,bob id-2 393 secret-tok",
      /^stored attendee 2 of 2: its capabilities are not three digits 0-3$/,
      "secret-tok",
    );
  });

  it("refuses to write a capability that is not a media capability, naming the field", () => {
    const bad = { ...ALICE, capabilities: { ...ALICE.capabilities, video: "Loud" } } as unknown as AttendeeOutput;
    assert.throws(() => encodeAttendeeText([bad]), /^Error: attendee capabilities\.video "Loud" is not a media capability$/);
    const inherited = { ...ALICE, capabilities: { ...ALICE.capabilities, audio: "constructor" } } as unknown as AttendeeOutput;
    assert.throws(() => encodeAttendeeText([inherited]), /capabilities\.audio "constructor" is not a media capability/);
  });
});
