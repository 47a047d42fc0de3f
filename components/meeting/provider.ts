import type * as dynamic from "@pulumi/pulumi/dynamic";
import { defaultRegion, withClient } from "./client";
import { checkedInputs, meetingViolations, toFailures } from "./check";
import { createMeeting } from "./create";
import { diffMeeting } from "./diff";
import { inputsFromOutputs } from "./outputs";
import { deleteMeeting, readMeeting } from "./read";
import { DEFAULT_MAX_ATTEMPTS, settingsFromConfig, type ProviderSettings } from "./settings";
import type { MeetingInputs, MeetingOutputs } from "./types";
import { updateMeeting } from "./update";

/**
 * The provider behind `Meeting`. Pulumi serializes this object into the state (`__provider`), so it
 * holds only constants: SDK clients are built inside each method, and the region, endpoint and retry
 * settings arrive at run time through configure() (stack config) and the environment.
 */
export class MeetingProvider implements dynamic.ResourceProvider<MeetingInputs, MeetingOutputs> {
  private settings: ProviderSettings = { maxAttempts: DEFAULT_MAX_ATTEMPTS };

  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.settings = settingsFromConfig(req.config);
  }

  async check(olds: MeetingInputs, news: MeetingInputs): Promise<dynamic.CheckResult<MeetingInputs>> {
    const region = news.region ?? (await defaultRegion(this.settings));
    const failures = toFailures(meetingViolations(news, region));
    return { inputs: checkedInputs(olds, news, region), failures };
  }

  async diff(_id: string, olds: MeetingOutputs, news: MeetingInputs): Promise<dynamic.DiffResult> {
    const region = news.region ?? (await defaultRegion(this.settings));
    return diffMeeting(olds, { ...news, region });
  }

  async create(inputs: MeetingInputs): Promise<dynamic.CreateResult<MeetingOutputs>> {
    const region = await this.regionFor(inputs.region);
    const outs = await withClient(this.settings, region, (client) => createMeeting(client, inputs, region));
    return { id: outs.meetingId, outs };
  }

  async read(id: string, props?: MeetingOutputs): Promise<dynamic.ReadResult<MeetingOutputs>> {
    if (!props) return {};
    const region = await this.regionFor(props.region);
    const outs = await withClient(this.settings, region, (client) => readMeeting(client, id, props));
    // An empty result tells the engine the meeting is gone: refresh drops it and the next up recreates it.
    // ReadResult types `inputs` as Outputs, but the host stores them as the resource's inputs.
    return outs ? { id, props: outs, inputs: inputsFromOutputs(outs) as unknown as MeetingOutputs } : {};
  }

  async update(_id: string, olds: MeetingOutputs, news: MeetingInputs): Promise<dynamic.UpdateResult<MeetingOutputs>> {
    const region = await this.regionFor(olds.region);
    return { outs: await withClient(this.settings, region, (client) => updateMeeting(client, olds, news)) };
  }

  async delete(id: string, props: MeetingOutputs): Promise<void> {
    const region = await this.regionFor(props.region);
    await withClient(this.settings, region, (client) => deleteMeeting(client, id));
  }

  /** The stored control region, else the default; reads and deletes must go to the region that created the meeting. */
  private async regionFor(stored: string | undefined): Promise<string> {
    const region = stored ?? (await defaultRegion(this.settings));
    if (!region) throw new Error('region: no control region: set the resource input "region", stack config "chime-meetings:region", or AWS_REGION');
    return region;
  }
}

/** The one provider instance all meetings share (Pulumi caches its serialization per object). */
export const meetingProvider = new MeetingProvider();
