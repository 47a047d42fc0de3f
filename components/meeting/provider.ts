import type * as dynamic from "@pulumi/pulumi/dynamic";
import { operations } from "./implementation";
import { DEFAULT_MAX_ATTEMPTS, type ProviderSettings } from "./settings";
import type { MeetingInputs, MeetingOutputs } from "./types";

/**
 * The provider behind `Meeting`. Pulumi serializes this object into the state as `__provider`, once in each
 * meeting's inputs and once in its outputs, and the engine rewrites the whole state after every step, so
 * the object is a thin forwarder of about 3 KB: the operations load from disk on first use
 * (implementation.ts). Settings (region, endpoint, retries) arrive at run time through configure() (stack
 * config) and the environment; nothing sensitive is captured.
 */
export class MeetingProvider implements dynamic.ResourceProvider<MeetingInputs, MeetingOutputs> {
  private settings: ProviderSettings = { maxAttempts: DEFAULT_MAX_ATTEMPTS };

  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.settings = operations().settingsFromConfig(req.config);
  }

  async check(olds: MeetingInputs, news: MeetingInputs): Promise<dynamic.CheckResult<MeetingInputs>> {
    return operations().check(this.settings, olds, news);
  }

  async diff(_id: string, olds: MeetingOutputs, news: MeetingInputs): Promise<dynamic.DiffResult> {
    return operations().diff(this.settings, olds, news);
  }

  async create(inputs: MeetingInputs): Promise<dynamic.CreateResult<MeetingOutputs>> {
    return operations().create(this.settings, inputs);
  }

  async read(id: string, props?: MeetingOutputs): Promise<dynamic.ReadResult<MeetingOutputs>> {
    return operations().read(this.settings, id, props);
  }

  async update(_id: string, olds: MeetingOutputs, news: MeetingInputs): Promise<dynamic.UpdateResult<MeetingOutputs>> {
    return operations().update(this.settings, olds, news);
  }

  async delete(id: string, props: MeetingOutputs): Promise<void> {
    return operations().remove(this.settings, id, props);
  }
}

/** The one provider instance all meetings share (Pulumi caches its serialization per object). */
export const meetingProvider = new MeetingProvider();
