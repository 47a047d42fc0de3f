import { PATTERNS } from "../../chime/patterns";
import type { MediaPlacement } from "./types";

// The compact text a dynamic Meeting's state holds its media placement in (stored-outputs.ts says why a text): "p1"
// (the format), then the eight URLs in the order below, each " " first, an absent one an empty field. Inside a URL
// the meeting's id is written %i and the id without its dashes %h (the service puts the id in five URLs and the
// dashless id in the audio host), "%" is written %25 and a space %20. A later format takes another tag.

const FORMAT = "p1";
const FIELD = " ";
const URLS: readonly (keyof MediaPlacement)[] = [
  "audioHostUrl",
  "audioFallbackUrl",
  "signalingUrl",
  "turnControlUrl",
  "screenDataUrl",
  "screenViewingUrl",
  "screenSharingUrl",
  "eventIngestionUrl",
];
/** Only a meeting id of the API's form (a GUID) is written as %i / %h. */
const SUBSTITUTABLE_ID = PATTERNS.guid.regex;

function escapePiece(piece: string): string {
  return piece.replace(/%/g, "%25").replace(/ /g, "%20");
}

/** The ids are cut out of the URL first and the pieces between escaped, so every "%" of the field starts one token. */
function escapeUrl(url: string, meetingId: string, dashless: string): string {
  if (!SUBSTITUTABLE_ID.test(meetingId)) return escapePiece(url);
  return url
    .split(meetingId)
    .map((part) => part.split(dashless).map(escapePiece).join("%h"))
    .join("%i");
}

function unescapeUrl(field: string, meetingId: string, dashless: string): string {
  if (/%(?!25|20|i|h)/.test(field)) throw new Error(`the stored media placement has a "%" that starts none of %25, %20, %i, %h`);
  return field.replace(/%(?:25|20|i|h)/g, (seq) => {
    if (seq === "%25") return "%";
    if (seq === "%20") return " ";
    return seq === "%i" ? meetingId : dashless;
  });
}

/** The stored text of a meeting's media placement. */
export function encodePlacementText(placement: MediaPlacement, meetingId: string): string {
  const dashless = meetingId.replace(/-/g, "");
  return [FORMAT, ...URLS.map((key) => escapeUrl(placement[key] ?? "", meetingId, dashless))].join(FIELD);
}

/** The media placement of a stored text, the meeting's id put back in. */
export function decodePlacementText(text: string, meetingId: string): MediaPlacement {
  const [format, ...fields] = text.split(FIELD);
  if (format !== FORMAT) throw new Error(`the stored media placement is not in the "${FORMAT}" text format (${text.length} characters)`);
  if (fields.length !== URLS.length) throw new Error(`the stored media placement has ${fields.length} URLs, not ${URLS.length}`);
  if (/%[ih]/.test(text) && !SUBSTITUTABLE_ID.test(meetingId)) {
    throw new Error(`the stored media placement refers to the meeting id, and the state has none to put back`);
  }
  const dashless = meetingId.replace(/-/g, "");
  const placement: MediaPlacement = {};
  URLS.forEach((key, i) => {
    if (fields[i]) placement[key] = unescapeUrl(fields[i], meetingId, dashless);
  });
  return placement;
}
