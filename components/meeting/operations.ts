import type * as dynamic from "@pulumi/pulumi/dynamic";
import { defaultRegion, regionFor, withClient } from "./client";
import { deleteMeeting } from "./delete";
import { checkedInputs, meetingViolations, toFailures } from "./check";
import { createMeeting } from "./create";
import { diffMeeting } from "./diff";
import { inputsFromOutputs } from "./outputs";
import { readMeeting } from "./read";
import { settingsFromConfig, type ProviderSettings } from "./settings";
import type { MeetingInputs, MeetingOutputs } from "./types";
import { updateMeeting } from "./update";

// Called by name from serialized providers: implementation.ts, and earlier versions still stored in states.
export { useChimeSdk } from "./client";
export { settingsFromConfig };

/**
 * What the Meeting provider does, behind the small object Pulumi serializes into the state (provider.ts).
 * The provider process loads this module from disk the first time it needs it (implementation.ts); module
 * state here is never serialized.
 */

export async function check(settings: ProviderSettings, olds: MeetingInputs, news: MeetingInputs): Promise<dynamic.CheckResult<MeetingInputs>> {
  const region = news.region ?? (await defaultRegion(settings));
  const failures = toFailures(meetingViolations(news, region));
  return { inputs: checkedInputs(olds, news, region), failures };
}

export async function diff(settings: ProviderSettings, olds: MeetingOutputs, news: MeetingInputs): Promise<dynamic.DiffResult> {
  const region = news.region ?? (await defaultRegion(settings));
  return diffMeeting(olds, { ...news, region });
}

export async function create(settings: ProviderSettings, inputs: MeetingInputs): Promise<dynamic.CreateResult<MeetingOutputs>> {
  const region = await regionFor(settings, inputs.region);
  const outs = await withClient(settings, region, (client) => createMeeting(client, inputs, region));
  return { id: outs.meetingId, outs };
}

export async function read(settings: ProviderSettings, id: string, props?: MeetingOutputs): Promise<dynamic.ReadResult<MeetingOutputs>> {
  if (!props) return {};
  const region = await regionFor(settings, props.region);
  const outs = await withClient(settings, region, (client) => readMeeting(client, id, props));
  // An empty result tells the engine the meeting is gone: refresh drops it and the next up recreates it.
  // ReadResult types `inputs` as Outputs, but the host stores them as the resource's inputs.
  return outs ? { id, props: outs, inputs: inputsFromOutputs(outs) as unknown as MeetingOutputs } : {};
}

export async function update(settings: ProviderSettings, olds: MeetingOutputs, news: MeetingInputs): Promise<dynamic.UpdateResult<MeetingOutputs>> {
  const region = await regionFor(settings, olds.region);
  return { outs: await withClient(settings, region, (client) => updateMeeting(client, olds, news)) };
}

/** delete: DeleteMeeting in the region that created the meeting; already gone counts as deleted. */
export async function remove(settings: ProviderSettings, id: string, props: MeetingOutputs): Promise<void> {
  const region = await regionFor(settings, props.region);
  await withClient(settings, region, (client) => deleteMeeting(client, id));
}

/** The provider methods bound to the settings of one configuration (stack config and environment). */
export function configured(config: Parameters<typeof settingsFromConfig>[0]): Required<Omit<dynamic.ResourceProvider<MeetingInputs, MeetingOutputs>, "configure">> {
  const settings = settingsFromConfig(config);
  return {
    check: (olds, news) => check(settings, olds, news),
    diff: (_id, olds, news) => diff(settings, olds, news),
    create: (inputs) => create(settings, inputs),
    read: (id, props) => read(settings, id, props),
    update: (_id, olds, news) => update(settings, olds, news),
    delete: (id, props) => remove(settings, id, props),
  };
}
