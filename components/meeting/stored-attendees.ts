import type * as dynamic from "@pulumi/pulumi/dynamic";
import { MeetingPartialFailure } from "./errors";
import type { AttendeeOutput, MeetingInputs, MeetingOutputs } from "./types";

// The engine stores `attendees` as a secret and, on every checkpoint write (after every step, for every resource in
// the stack), serializes the secret's value again and JSON-marshals it to find its cached ciphertext. A list of
// objects costs that walk over every attendee's fields; one JSON text costs a single string. So the dynamic Meeting's
// state holds the list as its JSON text; `Meeting` exposes the list (meeting.ts), and states written before this
// form, which hold the list itself, are read as they are.

/** A Meeting's outputs as a state may hold them: attendees as the JSON text of the list, or the list itself. */
export type StoredMeetingOutputs = Omit<MeetingOutputs, "attendees"> & { attendees: string | AttendeeOutput[] };

/** The Meeting operations: stored states in (either form), outputs with the list out. */
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

/** Whether a stored state holds its attendees as the JSON text (written by the dynamic Meeting of this release on). */
export function holdsAttendeeText(props: { attendees?: unknown }): boolean {
  return typeof props.attendees === "string";
}

/**
 * The attendees of a stored state: its JSON text, or the list itself in a state written before that form. The text
 * holds join tokens, so a failure names only what was found, never the text (V8's JSON.parse errors quote it).
 */
export function storedAttendees(value: unknown): AttendeeOutput[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value as AttendeeOutput[];
  if (typeof value !== "string") throw new Error(`the stored attendees are a ${typeof value}, not a list or its JSON text`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error(`the stored attendees are not JSON (${value.length} characters; not shown: they hold join tokens)`);
  }
  if (!Array.isArray(parsed)) throw new Error(`the stored attendees are JSON of ${parsed === null ? "null" : typeof parsed}, not a list`);
  return parsed as AttendeeOutput[];
}

/**
 * A state with its attendees as the list, whichever form it was stored in: what every operation reads (a dynamic
 * Meeting's state, one written by an earlier release, or one the provider plugin inherits through an alias).
 */
export function withAttendeeList<T extends { attendees?: unknown }>(props: T): Omit<T, "attendees"> & { attendees: AttendeeOutput[] } {
  return { ...props, attendees: storedAttendees(props.attendees) };
}

/** Outputs (or a partial failure's properties) in the state's form: the attendees as one JSON text. */
function toStored<T extends { attendees?: unknown }>(outs: T): Omit<T, "attendees"> & { attendees: string } {
  return { ...outs, attendees: JSON.stringify(storedAttendees(outs.attendees)) };
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
export function withStoredAttendees(ops: MeetingOperations): StoredOperations {
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
