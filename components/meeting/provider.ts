import type * as dynamic from "@pulumi/pulumi/dynamic";
import { regionFor, withClient } from "./client";
import { deleteMeeting } from "./delete";
import { loadOperations } from "./implementation";
import { DEFAULT_MAX_ATTEMPTS, settingsFromConfig, type ProviderSettings } from "./settings";
import type { MeetingInputs, MeetingOutputs } from "./types";

/**
 * The provider behind `Meeting`. Pulumi serializes this object into the state (`__provider`, stored in
 * each meeting's inputs and outputs), so it stays small: the operations are loaded from disk when first
 * needed (implementation.ts), SDK clients are built inside each call, and the region, endpoint and retry
 * settings arrive at run time through configure() (stack config) and the environment. delete() alone is
 * self-contained, so `pulumi destroy` (and an `up` that drops a meeting) works even where the operations
 * module cannot be found.
 */
export class MeetingProvider implements dynamic.ResourceProvider<MeetingInputs, MeetingOutputs> {
  private settings: ProviderSettings = { maxAttempts: DEFAULT_MAX_ATTEMPTS };

  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.settings = settingsFromConfig(req.config);
  }

  async check(olds: MeetingInputs, news: MeetingInputs): Promise<dynamic.CheckResult<MeetingInputs>> {
    return loadOperations().check(this.settings, olds, news);
  }

  async diff(_id: string, olds: MeetingOutputs, news: MeetingInputs): Promise<dynamic.DiffResult> {
    return loadOperations().diff(this.settings, olds, news);
  }

  async create(inputs: MeetingInputs): Promise<dynamic.CreateResult<MeetingOutputs>> {
    return loadOperations().create(this.settings, inputs);
  }

  async read(id: string, props?: MeetingOutputs): Promise<dynamic.ReadResult<MeetingOutputs>> {
    return loadOperations().read(this.settings, id, props);
  }

  async update(_id: string, olds: MeetingOutputs, news: MeetingInputs): Promise<dynamic.UpdateResult<MeetingOutputs>> {
    return loadOperations().update(this.settings, olds, news);
  }

  async delete(id: string, props: MeetingOutputs): Promise<void> {
    const region = await regionFor(this.settings, props.region);
    await withClient(this.settings, region, (client) => deleteMeeting(client, id));
  }
}

/** The one provider instance all meetings share (Pulumi caches its serialization per object). */
export const meetingProvider = new MeetingProvider();
