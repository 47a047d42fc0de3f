import type * as dynamic from "@pulumi/pulumi/dynamic";
import { MeetingPartialFailure } from "./errors";
import type { AttendeeOutput, MeetingInputs, MeetingOutputs } from "./types";

// The engine stores `attendees` as a secret and, on every checkpoint write (after every step, for every resource in
// the stack), serializes the secret's value again and JSON-marshals it to find its cached ciphertext. A list of
// objects costs that walk over every attendee's fields; one JSON text costs a single string. So the dynamic Meeting's
// state holds the list as its JSON text; `Meeting` exposes the list (meeting.ts), and states written before this
// form, which hold the list itself, are read as they are.

/** A dynamic Meeting's outputs as they are stored in the state. */
export type StoredMeetingOutputs = Omit<MeetingOutputs, "attendees"> & { attendees: string | AttendeeOutput[] };

type Operations = Required<Omit<dynamic.ResourceProvider<MeetingInputs, MeetingOutputs>, "configure">>;
type StoredOperations = Required<Omit<dynamic.ResourceProvider<MeetingInputs, StoredMeetingOutputs>, "configure">>;

/** The attendees of a stored state: its JSON text, or the list itself in a state written before that form. */
export function storedAttendees(value: unknown): AttendeeOutput[] {
  if (Array.isArray(value)) return value as AttendeeOutput[];
  if (typeof value !== "string") return [];
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed)) throw new Error(`the stored attendees are not a list: ${value.slice(0, 60)}`);
  return parsed as AttendeeOutput[];
}

function toStored<T extends MeetingOutputs>(outs: T): Omit<T, "attendees"> & { attendees: string } {
  return { ...outs, attendees: JSON.stringify(outs.attendees) };
}

/**
 * A state with its attendees as the list, whichever form it was stored in: what every operation reads (a dynamic
 * Meeting's state, one written by an earlier release, or one the provider plugin inherits through an alias).
 */
export function withAttendeeList<T extends { attendees?: unknown }>(props: T): Omit<T, "attendees"> & { attendees: AttendeeOutput[] } {
  return { ...props, attendees: storedAttendees(props.attendees) };
}

/** A partial failure's properties become the resource's state, so they are stored in the same form. */
async function storingFailures<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof MeetingPartialFailure)) throw err;
    const stored = new MeetingPartialFailure(err.message, err.id, {
      ...err.properties,
      attendees: JSON.stringify(storedAttendees(err.properties.attendees)),
    });
    stored.stack = err.stack;
    throw stored;
  }
}

/**
 * The operations as the dynamic-provider host calls them: outputs in the state's form. (The operations read either
 * form of a stored state themselves, operations.ts; the states are converted here too for their types.)
 */
export function withStoredAttendees(ops: Operations): StoredOperations {
  const list = withAttendeeList;
  return {
    check: (olds, news) => ops.check(olds, news),
    diff: (id, olds, news) => ops.diff(id, list(olds), news),
    create: (inputs) =>
      storingFailures(async () => {
        const result = await ops.create(inputs);
        return result.outs ? { ...result, outs: toStored(result.outs) } : result;
      }),
    read: async (id, props) => {
      const result = await ops.read(id, props && list(props));
      return result.props ? { ...result, props: toStored(result.props) } : result;
    },
    update: (id, olds, news) =>
      storingFailures(async () => {
        const result = await ops.update(id, list(olds), news);
        return result.outs ? { ...result, outs: toStored(result.outs) } : result;
      }),
    delete: (id, props) => ops.delete(id, list(props)),
  };
}
