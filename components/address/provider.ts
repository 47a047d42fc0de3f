import type * as dynamic from "@pulumi/pulumi/dynamic";
import { formatViolation } from "../../chime/violation";
import { MISSING_REGION_RULE } from "../meeting/settings";
import {
  addressSettingsFromConfig,
  DEFAULT_ADDRESS_SETTINGS,
  isParameterNotFound,
  resolveRegion,
  withSsm,
  type AddressSettings,
} from "./client";
import { parameterNameViolations, SSM_RULES } from "./parameter-name";
import type { AddressInputs, AddressOutputs } from "./types";

/**
 * The provider behind `MeetingAddress`: one SSM String parameter holding a meeting's join information.
 * Like the Meeting provider it holds only constants; the SSM client is built inside each method.
 */
export class MeetingAddressProvider implements dynamic.ResourceProvider<AddressInputs, AddressOutputs> {
  private settings: AddressSettings = DEFAULT_ADDRESS_SETTINGS;

  async configure(req: dynamic.ConfigureRequest): Promise<void> {
    this.settings = addressSettingsFromConfig(req.config);
  }

  async check(_olds: AddressInputs, news: AddressInputs): Promise<dynamic.CheckResult<AddressInputs>> {
    const region = resolveRegion(news.region, this.settings);
    const failures = parameterNameViolations(news.parameterName, "parameterName").map((v) => ({
      property: v.path,
      reason: formatViolation(v),
    }));
    if (typeof news.value === "string" && news.value.length > SSM_RULES.valueMaxLength) {
      failures.push({ property: "value", reason: `value: must be at most ${SSM_RULES.valueMaxLength} characters (SSM Standard tier)` });
    }
    if (region === undefined) {
      failures.push({ property: "region", reason: `region: ${MISSING_REGION_RULE}` });
    }
    return { inputs: region === undefined ? news : { ...news, region }, failures };
  }

  async diff(_id: string, olds: AddressOutputs, news: AddressInputs): Promise<dynamic.DiffResult> {
    const region = resolveRegion(news.region, this.settings);
    const replaces = [
      ...(olds.parameterName !== news.parameterName ? ["parameterName"] : []),
      ...(olds.region !== region ? ["region"] : []),
    ];
    return { changes: replaces.length > 0 || olds.value !== news.value, replaces, deleteBeforeReplace: false };
  }

  async create(inputs: AddressInputs): Promise<dynamic.CreateResult<AddressOutputs>> {
    const outs = await this.put(inputs);
    return { id: outs.parameterName, outs };
  }

  async read(id: string, props?: AddressOutputs): Promise<dynamic.ReadResult<AddressOutputs>> {
    if (!props) return {};
    const found = await withSsm(this.settings, props.region, async (client, sdk) => {
      try {
        return (await client.send(new sdk.GetParameterCommand({ Name: id }))).Parameter;
      } catch (err) {
        if (isParameterNotFound(err)) return undefined;
        throw err;
      }
    });
    if (!found) return {};
    const outs: AddressOutputs = { ...props, value: found.Value ?? "", version: found.Version };
    return {
      id,
      props: outs,
      inputs: { parameterName: outs.parameterName, value: outs.value, region: outs.region } as unknown as AddressOutputs,
    };
  }

  async update(_id: string, _olds: AddressOutputs, news: AddressInputs): Promise<dynamic.UpdateResult<AddressOutputs>> {
    return { outs: await this.put(news) };
  }

  async delete(id: string, props: AddressOutputs): Promise<void> {
    await withSsm(this.settings, props.region, async (client, sdk) => {
      try {
        await client.send(new sdk.DeleteParameterCommand({ Name: id }));
      } catch (err) {
        if (!isParameterNotFound(err)) throw err;
      }
    });
  }

  /** PutParameter with Overwrite: a retried create after a crash rewrites the same value instead of failing. */
  private async put(inputs: AddressInputs): Promise<AddressOutputs> {
    const region = resolveRegion(inputs.region, this.settings);
    if (region === undefined) throw new Error(`region: ${MISSING_REGION_RULE}`);
    const { Version } = await withSsm(this.settings, region, (client, sdk) =>
      client.send(new sdk.PutParameterCommand({ Name: inputs.parameterName, Value: inputs.value, Type: "String", Overwrite: true })),
    );
    return { parameterName: inputs.parameterName, value: inputs.value, region, version: Version };
  }
}

export const meetingAddressProvider = new MeetingAddressProvider();
