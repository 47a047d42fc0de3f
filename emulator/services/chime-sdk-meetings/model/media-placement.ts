import { shortRegionCode } from "../../../../chime/regions";
import type { MediaPlacement } from "./types";

/** URLs shaped like observed responses (docs/API-NOTES.md#arns-and-identifiers) for the media region; nothing listens on them. */
export function mediaPlacementFor(meetingId: string, mediaRegion: string): MediaPlacement {
  const r = shortRegionCode(mediaRegion);
  const screen = `wss://bitpw.m1.${r}.app.chime.aws:443`;
  return {
    audioHostUrl: `${meetingId.replace(/-/g, "")}.k.m1.${r}.app.chime.aws:3478`,
    audioFallbackUrl: `wss://haxrp.m1.${r}.app.chime.aws:443/calls/${meetingId}`,
    signalingUrl: `wss://signal.m1.${r}.app.chime.aws/control/${meetingId}`,
    turnControlUrl: `https://${meetingId.slice(-4)}.cell.${mediaRegion}.meetings.chime.aws/v2/turn_sessions`,
    screenDataUrl: `${screen}/v2/screen/${meetingId}`,
    screenViewingUrl: `${screen}/ws/connect?passcode=null&viewer_uuid=null&X-BitHub-Call-Id=${meetingId}`,
    screenSharingUrl: `${screen}/v2/screen/${meetingId}`,
    eventIngestionUrl: `https://data.svc.${r}.ingest.chime.aws/v1/client-events`,
  };
}
