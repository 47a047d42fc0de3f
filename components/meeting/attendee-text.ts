import type { AttendeeCapabilities, MediaCapability } from "../../chime/types";
import type { AttendeeOutput } from "./types";

// The compact text a dynamic Meeting's state holds its secret attendees in (stored-outputs.ts says why one text).
// The secret's ciphertext grows with the text, and the engine rewrites every resource's bytes after every step, so
// the text is short: "a1" (the format), then one record per attendee, each "," first:
//   externalUserId attendeeId capabilities joinToken
// separated by single spaces. capabilities are three digits, audio video content, each send 1 + receive 2 (3 is
// SendReceive, 0 None); an absent (or empty) joinToken is an empty field. "%", " " and "," inside a field are written %25, %20
// and %2C (an externalUserId may hold spaces and commas). A later format takes another tag.

const FORMAT = "a1";
const RECORD = ",";
const FIELD = " ";
const CAPABILITY_CODES: Record<MediaCapability, string> = { None: "0", Send: "1", Receive: "2", SendReceive: "3" };
const CAPABILITIES_BY_CODE = Object.fromEntries(Object.entries(CAPABILITY_CODES).map(([name, code]) => [code, name])) as Record<
  string,
  MediaCapability
>;
const ESCAPES: Record<string, string> = { "%": "%25", " ": "%20", ",": "%2C" };
const UNESCAPES: Record<string, string> = { "%25": "%", "%20": " ", "%2C": "," };

function escapeField(value: string): string {
  return value.replace(/[% ,]/g, (c) => ESCAPES[c]);
}

function unescapeField(value: string, at: string): string {
  if (/%(?!25|20|2C)/.test(value)) throw new Error(`${at} has a "%" that starts none of %25, %20, %2C`);
  return value.replace(/%(?:25|20|2C)/g, (seq) => UNESCAPES[seq]);
}

function capabilityCode(capability: MediaCapability, field: string): string {
  const code = Object.prototype.hasOwnProperty.call(CAPABILITY_CODES, capability) ? CAPABILITY_CODES[capability] : undefined;
  if (code === undefined) throw new Error(`attendee capabilities.${field} "${String(capability).slice(0, 40)}" is not a media capability`);
  return code;
}

/** The stored text of a list of attendees. */
export function encodeAttendeeText(attendees: readonly AttendeeOutput[]): string {
  const records = attendees.map((a) =>
    [
      escapeField(a.externalUserId),
      escapeField(a.attendeeId),
      capabilityCode(a.capabilities.audio, "audio") +
        capabilityCode(a.capabilities.video, "video") +
        capabilityCode(a.capabilities.content, "content"),
      escapeField(a.joinToken ?? ""),
    ].join(FIELD),
  );
  return [FORMAT, ...records].join(RECORD);
}

function capabilitiesOf(code: string, at: string): AttendeeCapabilities {
  const [audio, video, content] = [...code].map((c) => CAPABILITIES_BY_CODE[c]);
  if (code.length !== 3 || !audio || !video || !content) throw new Error(`${at}: its capabilities are not three digits 0-3`);
  return { audio, video, content };
}

/**
 * The attendees of a stored text. The text holds join tokens, so a failure names where and what rule, never the
 * text.
 */
export function decodeAttendeeText(text: string): AttendeeOutput[] {
  const [format, ...records] = text.split(RECORD);
  if (format !== FORMAT) {
    throw new Error(
      `the stored attendees are not in the "${FORMAT}" text format (${text.length} characters; not shown: they hold join tokens)`,
    );
  }
  return records.map((record, i) => {
    const at = `stored attendee ${i + 1} of ${records.length}`;
    const fields = record.split(FIELD);
    if (fields.length !== 4) throw new Error(`${at} has ${fields.length} fields, not 4 (externalUserId attendeeId capabilities joinToken)`);
    const [externalUserId, attendeeId, capabilities, joinToken] = fields as [string, string, string, string];
    const attendee: AttendeeOutput = {
      externalUserId: unescapeField(externalUserId, at),
      attendeeId: unescapeField(attendeeId, at),
      capabilities: capabilitiesOf(capabilities, at),
    };
    if (joinToken) attendee.joinToken = unescapeField(joinToken, at);
    return attendee;
  });
}
