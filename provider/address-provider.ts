import type * as dynamic from "@pulumi/pulumi/dynamic";
import type * as provider from "@pulumi/pulumi/provider";
import { MeetingAddressProvider } from "../components/address/provider";
import type { AddressInputs } from "../components/address/types";
import { addressValue } from "../components/address/value";
import type { MediaPlacement } from "../components/meeting/types";
import { containsUnknown, UNKNOWN } from "../components/meeting/unknown";
import type { CapturedConfig } from "./configure-capture";
import { addressInputs, addressOutputs } from "./props";
import { concealProperties, revealProperties } from "./secrets";

type Props = Record<string, unknown>;

/** What a program declares: the parameter and the meeting whose join information it publishes. */
interface DeclaredAddress {
  parameterName?: string;
  meetingId?: string;
  meetingArn?: string;
  mediaRegion?: string;
  mediaPlacement?: MediaPlacement;
  region?: string;
}

/**
 * `chime-meetings:index:MeetingAddress`: the SSM parameter of components/address behind the plugin. The dynamic
 * `MeetingAddress` class builds the published JSON in the program; here check() builds it (unknown while the
 * meeting is), and the stored inputs are those the dynamic provider stores: parameterName, value, region.
 */
export class AddressPluginResource {
  private address?: MeetingAddressProvider;

  constructor(private readonly config: CapturedConfig) {}

  private async provider(): Promise<MeetingAddressProvider> {
    await this.config.ready();
    if (!this.address) {
      const address = new MeetingAddressProvider();
      await address.configure({ config: this.config } as unknown as dynamic.ConfigureRequest);
      this.address = address;
    }
    return this.address;
  }

  async check(olds: Props, news: Props): Promise<provider.CheckResult> {
    const address = await this.provider();
    const n = revealProperties(news);
    const d = n.plain as DeclaredAddress;
    const meeting = [d.meetingId, d.meetingArn, d.mediaRegion, d.mediaPlacement];
    const value = containsUnknown(meeting)
      ? UNKNOWN
      : addressValue({
          meetingId: d.meetingId ?? "",
          meetingArn: d.meetingArn ?? "",
          mediaRegion: d.mediaRegion ?? "",
          mediaPlacement: d.mediaPlacement ?? {},
        });
    const inputs: AddressInputs = {
      parameterName: d.parameterName as string,
      value,
      ...(d.region !== undefined ? { region: d.region } : {}),
    };
    const result = await address.check(addressInputs(revealProperties(olds).plain), inputs);
    return { inputs: concealProperties(result.inputs ?? inputs, n.secretKeys), failures: result.failures ?? [] };
  }

  async diff(id: string, olds: Props, news: Props): Promise<provider.DiffResult> {
    return (await this.provider()).diff(id, addressOutputs(revealProperties(olds).plain), addressInputs(revealProperties(news).plain));
  }

  async create(inputs: Props): Promise<provider.CreateResult> {
    const i = revealProperties(inputs);
    const result = await (await this.provider()).create(addressInputs(i.plain));
    return { id: result.id, outs: concealProperties(result.outs ?? {}, i.secretKeys) };
  }

  async read(id: string, props?: Props): Promise<provider.ReadResult> {
    const p = props && Object.keys(props).length > 0 ? revealProperties(props) : undefined;
    const result = await (await this.provider()).read(id, p && addressOutputs(p.plain));
    if (!result.id || !result.props) return {};
    return { id: result.id, props: concealProperties(result.props, p?.secretKeys ?? []), inputs: result.inputs };
  }

  async update(id: string, olds: Props, news: Props): Promise<provider.UpdateResult> {
    const n = revealProperties(news);
    const result = await (await this.provider()).update(id, addressOutputs(revealProperties(olds).plain), addressInputs(n.plain));
    return { outs: concealProperties(result.outs ?? {}, n.secretKeys) };
  }

  async delete(id: string, props: Props): Promise<void> {
    await (await this.provider()).delete(id, addressOutputs(revealProperties(props).plain));
  }
}
