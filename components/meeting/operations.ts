import type * as dynamic from "@pulumi/pulumi/dynamic";
import { chimeSdk, defaultRegion, isNotFound, regionFor, withClient } from "./client";
import { checkedInputs, meetingViolations, toFailures } from "./check";
import { createMeeting } from "./create";
import { diffMeeting } from "./diff";
import { inputsFromOutputs } from "./outputs";
import { ADOPT_INPUT, adoptMeeting, checkAdoption, importMeeting, type AdoptingInputs } from "./import";
import { readMeeting } from "./read";
import { settingsFromConfig, type ProviderSettings } from "./settings";
import type { MeetingInputs, MeetingOutputs } from "./types";
import { updateMeeting } from "./update";
import { readableOutputs, withStoredOutputs, type MeetingOperations } from "./stored-outputs";

// Called by name from the providers stored in states (this release's module, provider.ts, through
// lib/meeting-provider.ts, and the serialized providers of earlier releases).
export { useChimeSdk } from "./client";
export { settingsFromConfig };

/**
 * What the Meeting provider does, behind the short module stored in the state (provider.ts). The provider
 * process loads this module from disk the first time it needs it; module state here is never stored.
 */

export async function check(
  settings: ProviderSettings,
  olds: MeetingInputs,
  news: MeetingInputs,
): Promise<dynamic.CheckResult<MeetingInputs>> {
  const adoption = checkAdoption(olds, news);
  const { [ADOPT_INPUT]: adoptId, ...declared } = adoption.inputs;
  const region = declared.region ?? (await defaultRegion(settings));
  const failures = [...adoption.failures, ...toFailures(meetingViolations(declared, region))];
  const inputs: AdoptingInputs = checkedInputs(olds, declared, region);
  if (adoptId !== undefined) inputs[ADOPT_INPUT] = adoptId;
  return { inputs, failures };
}

export async function diff(settings: ProviderSettings, olds: MeetingOutputs, news: MeetingInputs): Promise<dynamic.DiffResult> {
  const region = news.region ?? (await defaultRegion(settings));
  return diffMeeting(olds, { ...news, region });
}

/** create: a new meeting, or the adoption of a running one when the `import` option named it (import.ts). */
export async function create(settings: ProviderSettings, inputs: AdoptingInputs): Promise<dynamic.CreateResult<MeetingOutputs>> {
  const region = await regionFor(settings, inputs.region);
  const adopting = inputs[ADOPT_INPUT] !== undefined;
  const outs = await withClient(settings, region, (client) =>
    adopting ? adoptMeeting(client, inputs, region) : createMeeting(client, inputs, region),
  );
  return { id: outs.meetingId, outs };
}

/** read: a refresh of the stored meeting, or, with no prior state, an import of the running meeting `id`. */
export async function read(settings: ProviderSettings, id: string, props?: MeetingOutputs): Promise<dynamic.ReadResult<MeetingOutputs>> {
  const imported = !props || props.meetingId === undefined;
  const region = await regionFor(settings, imported ? undefined : props.region);
  const outs = await withClient(settings, region, (client) =>
    imported ? importMeeting(client, id, region) : readMeeting(client, id, props),
  );
  // A meeting that is gone comes back marked `ended` (read.ts): refresh keeps it and the next up replaces it.
  // ReadResult types `inputs` as Outputs, but the host stores them as the resource's inputs.
  return outs ? { id, props: outs, inputs: inputsFromOutputs(outs) as unknown as MeetingOutputs } : {};
}

export async function update(
  settings: ProviderSettings,
  olds: MeetingOutputs,
  news: MeetingInputs,
): Promise<dynamic.UpdateResult<MeetingOutputs>> {
  const region = await regionFor(settings, olds.region);
  return { outs: await withClient(settings, region, (client) => updateMeeting(client, olds, news)) };
}

/** delete: DeleteMeeting in the region that created the meeting; already gone counts as deleted, with no call when read() saw it gone. */
export async function remove(settings: ProviderSettings, id: string, props: Pick<MeetingOutputs, "ended" | "region">): Promise<void> {
  if (props.ended === true) return;
  const region = await regionFor(settings, props.region);
  await withClient(settings, region, async (client) => {
    try {
      await client.send(new (chimeSdk().DeleteMeetingCommand)({ MeetingId: id }));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  });
}

/**
 * The dynamic Meeting's provider methods (what the module that provider.ts stores calls): `configured`, with the
 * attendees and the media placement in the state's form (stored-outputs.ts).
 */
export function configuredForState(config: Parameters<typeof settingsFromConfig>[0]): ReturnType<typeof withStoredOutputs> {
  return withStoredOutputs(configured(config));
}

/**
 * The provider methods bound to the settings of one configuration (stack config and environment). The provider
 * plugin calls them, and so do the providers that earlier releases stored in states.
 */
export function configured(config: Parameters<typeof settingsFromConfig>[0]): MeetingOperations {
  const settings = settingsFromConfig(config);
  return {
    check: (olds, news) => check(settings, olds, news),
    diff: (_id, olds, news) => diff(settings, readableOutputs(olds), news),
    create: (inputs) => create(settings, inputs),
    read: (id, props) => read(settings, id, props && readableOutputs(props)),
    update: (_id, olds, news) => update(settings, readableOutputs(olds), news),
    // A delete reads only these two, so a stored text that no longer parses cannot block a destroy.
    delete: (id, props) => remove(settings, id, props),
  };
}
