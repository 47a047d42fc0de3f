import type * as provider from "@pulumi/pulumi/provider";
import { PLUGIN_MEETING_TYPE } from "../components/meeting/type-tokens";
import { AddressPluginResource } from "./address-provider";
import type { CapturedConfig } from "./configure-capture";
import { MeetingPluginProvider, typeOfUrn } from "./meeting-provider";
import { ADDRESS_TYPE, schemaJson } from "./schema";

type Props = Record<string, unknown>;

/** The `chime-meetings` plugin: each resource call goes to the resource of the URN's type. */
export class ChimeMeetingsProvider implements provider.Provider {
  private readonly meeting: MeetingPluginProvider;
  private readonly address: AddressPluginResource;

  constructor(
    readonly version: string,
    config: CapturedConfig,
  ) {
    this.meeting = new MeetingPluginProvider(version, config);
    this.address = new AddressPluginResource(config);
  }

  getSchema(): Promise<string> {
    return Promise.resolve(schemaJson());
  }

  private isAddress(urn: string): boolean {
    const type = typeOfUrn(urn);
    if (type === ADDRESS_TYPE) return true;
    if (type === PLUGIN_MEETING_TYPE) return false;
    throw new Error(`unknown resource type ${JSON.stringify(type)}: this plugin serves ${PLUGIN_MEETING_TYPE} and ${ADDRESS_TYPE}`);
  }

  check(urn: string, olds: Props, news: Props): Promise<provider.CheckResult> {
    return this.isAddress(urn) ? this.address.check(olds, news) : this.meeting.check(urn, olds, news);
  }

  diff(id: string, urn: string, olds: Props, news: Props): Promise<provider.DiffResult> {
    return this.isAddress(urn) ? this.address.diff(id, olds, news) : this.meeting.diff(id, urn, olds, news);
  }

  create(urn: string, inputs: Props): Promise<provider.CreateResult> {
    return this.isAddress(urn) ? this.address.create(inputs) : this.meeting.create(urn, inputs);
  }

  read(id: string, urn: string, props?: Props): Promise<provider.ReadResult> {
    return this.isAddress(urn) ? this.address.read(id, props) : this.meeting.read(id, urn, props);
  }

  update(id: string, urn: string, olds: Props, news: Props): Promise<provider.UpdateResult> {
    return this.isAddress(urn) ? this.address.update(id, olds, news) : this.meeting.update(id, urn, olds, news);
  }

  delete(id: string, urn: string, props: Props): Promise<void> {
    return this.isAddress(urn) ? this.address.delete(id, props) : this.meeting.delete(id, urn, props);
  }
}
