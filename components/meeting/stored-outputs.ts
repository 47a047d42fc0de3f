import type * as dynamic from "@pulumi/pulumi/dynamic";
import { decodeAttendeeText, encodeAttendeeText } from "./attendee-text";
import { MeetingPartialFailure } from "./errors";
import { decodePlacementText, encodePlacementText } from "./placement-text";
import type { AttendeeOutput, MediaPlacement, MeetingInputs, MeetingOutputs } from "./types";

// The engine rewrites every resource of the stack after every step (one checkpoint per step): it serializes each
// property again (a secret's value too, JSON-marshalled to find its cached ciphertext), encodes the whole state as
// JSON, sorting every object's keys, and hashes and copies the bytes. An object costs that per key and the secret's
// ciphertext grows with its text. So the dynamic Meeting's state holds its two bulky outputs as one compact text
// each: the secret attendees (attendee-text.ts) and the media placement (placement-text.ts). `Meeting` exposes them
// as the list and the object (meeting.ts); states written before, which hold those themselves, are read as they are.

/** A Meeting's outputs as a state may hold them: attendees and media placement as stored texts, or themselves. */
export type StoredMeetingOutputs = Omit<MeetingOutputs, "attendees" | "mediaPlacement"> & {
  attendees: string | AttendeeOutput[];
  mediaPlacement: string | MediaPlacement;
};

/** The Meeting operations: stored states in (either form), outputs with the list and the object out. */
export interface MeetingOperations {
  check(olds: MeetingInputs, news: MeetingInputs): Promise<dynamic.CheckResult<MeetingInputs>>;
  diff(id: string, olds: StoredMeetingOutputs, news: MeetingInputs): Promise<dynamic.DiffResult>;
  create(inputs: MeetingInputs): Promise<dynamic.CreateResult<MeetingOutputs>>;
  read(id: string, props?: StoredMeetingOutputs): Promise<dynamic.ReadResult<MeetingOutputs>>;
  update(id: string, olds: StoredMeetingOutputs, news: MeetingInputs): Promise<dynamic.UpdateResult<MeetingOutputs>>;
  delete(id: string, props: StoredMeetingOutputs): Promise<void>;
}

/** What the dynamic-provider host calls: the same operations, with outputs in the state's form. */
export type StoredOperations = Required<Omit<dynamic.ResourceProvider<MeetingInputs, StoredMeetingOutputs>, "configure">>;

/** Whether a stored state holds an output as its text (written by the dynamic Meeting of this release on). */
export function holdsStoredText(props: { attendees?: unknown; mediaPlacement?: unknown }): boolean {
  return typeof props.attendees === "string" || typeof props.mediaPlacement === "string";
}

/**
 * The attendees of a stored state: its text, or the list itself in a state written before that form. The text holds
 * join tokens, so a failure names only what was found, never the text.
 */
export function storedAttendees(value: unknown): AttendeeOutput[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value as AttendeeOutput[];
  if (typeof value !== "string") throw new Error(`the stored attendees are a ${typeof value}, not a list or its stored text`);
  return decodeAttendeeText(value);
}

/** The media placement of a stored state: its text (the meeting's id put back in), or the object itself. */
export function storedMediaPlacement(value: unknown, meetingId: unknown): MediaPlacement {
  if (value === undefined || value === null) return {};
  if (typeof value === "string") return decodePlacementText(value, typeof meetingId === "string" ? meetingId : "");
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`the stored media placement is a ${Array.isArray(value) ? "list" : typeof value}, not an object or its stored text`);
  }
  return value;
}

type Readable<T> = Omit<T, "attendees" | "mediaPlacement"> & { attendees: AttendeeOutput[]; mediaPlacement: MediaPlacement };
type Stored<T> = Omit<T, "attendees" | "mediaPlacement"> & {
  attendees: string | AttendeeOutput[];
  mediaPlacement: string | MediaPlacement;
};

/**
 * A state with its attendees as the list and its media placement as the object, whichever form it was stored in: what
 * every operation reads (a dynamic Meeting's state, one written by an earlier release, or one the provider plugin
 * inherits through an alias). A state written without a media placement keeps none (read() then asks GetMeeting).
 */
export function readableOutputs<T extends { attendees?: unknown; mediaPlacement?: unknown; meetingId?: unknown }>(props: T): Readable<T> {
  const readable: Record<string, unknown> = { ...props, attendees: storedAttendees(props.attendees) };
  if (props.mediaPlacement === null) delete readable.mediaPlacement;
  else if (props.mediaPlacement !== undefined) readable.mediaPlacement = storedMediaPlacement(props.mediaPlacement, props.meetingId);
  return readable as Readable<T>;
}

/** The text of an output, or the output itself when the text cannot hold it (every reader takes both forms). */
function asText<V>(value: V, encode: (value: V) => string): string | V {
  try {
    return encode(value);
  } catch {
    return value;
  }
}

/**
 * Outputs (or a partial failure's properties) in the state's form: the attendees and the media placement as texts.
 * It never throws, since it runs after the service has acted: an output its format cannot hold (a capability it has
 * no digit for) is stored as it is.
 */
function toStored<T extends { attendees?: unknown; mediaPlacement?: unknown; meetingId?: unknown }>(outs: T): Stored<T> {
  const readable = readableOutputs(outs);
  const stored: Record<string, unknown> = { ...readable, attendees: asText(readable.attendees, encodeAttendeeText) };
  const meetingId = typeof outs.meetingId === "string" ? outs.meetingId : "";
  if (readable.mediaPlacement !== undefined) {
    stored.mediaPlacement = asText(readable.mediaPlacement, (placement) => encodePlacementText(placement, meetingId));
  }
  return stored as Stored<T>;
}

/** A create or update result with its outputs in the state's form; a partial failure's properties, which become the state, too. */
async function storing<R extends { outs?: MeetingOutputs }>(
  run: () => Promise<R>,
): Promise<Omit<R, "outs"> & { outs?: StoredMeetingOutputs }> {
  try {
    const result = await run();
    return result.outs ? { ...result, outs: toStored(result.outs) } : result;
  } catch (err) {
    if (!(err instanceof MeetingPartialFailure)) throw err;
    const stored = new MeetingPartialFailure(err.message, err.id, toStored(err.properties));
    stored.stack = err.stack;
    throw stored;
  }
}

/** The operations as the dynamic-provider host calls them: outputs in the state's form (the operations read either). */
export function withStoredOutputs(ops: MeetingOperations): StoredOperations {
  return {
    check: (olds, news) => ops.check(olds, news),
    diff: (id, olds, news) => ops.diff(id, olds, news),
    create: (inputs) => storing(() => ops.create(inputs)),
    read: async (id, props) => {
      const result = await ops.read(id, props);
      return result.props ? { ...result, props: toStored(result.props) } : result;
    },
    update: (id, olds, news) => storing(() => ops.update(id, olds, news)),
    delete: (id, props) => ops.delete(id, props),
  };
}
