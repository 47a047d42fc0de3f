import type { TranscriptionConfiguration } from "../../../../chime/types";
import { validateTranscriptionConfiguration } from "../../../../chime/validate";
import { BadRequestException, UnprocessableEntityException } from "../errors";
import { resolve } from "./attendees";
import type { Meeting } from "./meeting";
import type { MeetingStore } from "./store";
import type { RequestContext } from "./types";

/** The region Amazon Transcribe runs in: the one asked for, else (and for "auto") the media region. */
function transcriptionRegion(m: Meeting, config: TranscriptionConfiguration): string {
  const asked = config.engineTranscribeSettings?.region ?? config.engineTranscribeMedicalSettings?.region;
  return asked === undefined || asked === "auto" ? m.state.mediaRegion : asked;
}

/**
 * Starts transcription. Starting twice is refused with UnprocessableEntityException (UNCONFIRMED);
 * engine failures that the service reports asynchronously (TranscriptionFailed) are not emulated.
 */
export function startMeetingTranscription(
  store: MeetingStore,
  ctx: RequestContext,
  meetingId: string,
  config: TranscriptionConfiguration,
): void {
  const { m } = resolve(store, ctx, meetingId);
  const violations = validateTranscriptionConfiguration(config);
  if (violations.length > 0) throw new BadRequestException(violations);
  if (m.state.transcription) throw new UnprocessableEntityException(`Transcription is already active for meeting ${meetingId}`);
  store.commit([{ kind: "transcription", meetingId, config }]);
  store.events.transcription(m, "chime:TranscriptionStarted", transcriptionRegion(m, config), config, store.now());
}

/** Stops transcription; stopping when none is active is UnprocessableEntityException (UNCONFIRMED). */
export function stopMeetingTranscription(store: MeetingStore, ctx: RequestContext, meetingId: string): void {
  const { m } = resolve(store, ctx, meetingId);
  const config = m.state.transcription;
  if (!config) throw new UnprocessableEntityException(`No transcription is active for meeting ${meetingId}`);
  store.commit([{ kind: "transcription", meetingId }]);
  store.events.transcription(m, "chime:TranscriptionStopped", transcriptionRegion(m, config), config, store.now());
}
