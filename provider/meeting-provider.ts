import type * as provider from "@pulumi/pulumi/provider";
import { configured } from "../components/meeting/operations";
import { holdsStoredText } from "../components/meeting/stored-outputs";
import { PLUGIN_MEETING_TYPE } from "../components/meeting/type-tokens";
import type { CapturedConfig } from "./configure-capture";
import { meetingInputs, meetingOutputs } from "./props";
import { concealProperties, revealProperties } from "./secrets";

type Operations = ReturnType<typeof configured>;
type Props = Record<string, unknown>;

/** Outputs that are always secret: each attendee carries its join token. */
const SECRET_OUTPUTS = ["attendees"];

/**
 * The dynamic provider's serialized code, which a meeting moved from the dynamic `Meeting` (by alias) still carries
 * in its state: meaningless to the plugin, dropped from what it returns (docs/PROVIDER-PLUGIN.md, migration).
 */
const DYNAMIC_PROVIDER_KEY = "__provider";

function withoutDynamicProvider(props: Props): Props {
  const { [DYNAMIC_PROVIDER_KEY]: _dropped, ...rest } = props;
  return rest;
}

/** The resource type of a URN ("urn:pulumi:<stack>::<project>::<parent types$>type::<name>"). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}

/**
 * The `chime-meetings:index:Meeting` custom resource: the same operations as the dynamic `Meeting`
 * (components/meeting/operations.ts), behind the plugin's property maps. Secrets arrive wrapped and are
 * unwrapped for the operations; a property that came in secret goes back secret, and `attendees` always does.
 * The idempotency seed, set by the dynamic `Meeting` class in the program, comes from the URN here.
 */
export class MeetingPluginProvider implements provider.Provider {
  private ops?: Operations;

  constructor(
    readonly version: string,
    private readonly config: CapturedConfig,
  ) {}

  private async operations(urn: string): Promise<Operations> {
    const type = typeOfUrn(urn);
    if (type !== PLUGIN_MEETING_TYPE)
      throw new Error(`unknown resource type ${JSON.stringify(type)}: this plugin serves ${PLUGIN_MEETING_TYPE}`);
    await this.config.ready();
    this.ops ??= configured(this.config);
    return this.ops;
  }

  async check(urn: string, olds: Props, news: Props): Promise<provider.CheckResult> {
    const ops = await this.operations(urn);
    const o = revealProperties(olds);
    const n = revealProperties(news);
    const plainNews = meetingInputs({ ...n.plain, idempotencySeed: n.plain.idempotencySeed ?? urn });
    const result = await ops.check(meetingInputs(o.plain), plainNews);
    return { inputs: concealProperties(result.inputs ?? plainNews, n.secretKeys), failures: result.failures ?? [] };
  }

  async diff(id: string, urn: string, olds: Props, news: Props): Promise<provider.DiffResult> {
    const ops = await this.operations(urn);
    const stored = revealProperties(olds).plain;
    const result = await ops.diff(id, meetingOutputs(stored), meetingInputs(revealProperties(news).plain));
    // A state the dynamic Meeting wrote (reached through an alias) holds its attendees and media placement as stored
    // texts; an update, which makes no API call when nothing else changed, rewrites them as the list and the object
    // this type's outputs promise.
    return holdsStoredText(stored) && result.changes !== true ? { ...result, changes: true } : result;
  }

  async create(urn: string, inputs: Props): Promise<provider.CreateResult> {
    const ops = await this.operations(urn);
    const i = revealProperties(inputs);
    const result = await ops.create(meetingInputs(i.plain));
    return { id: result.id, outs: concealProperties(result.outs ?? {}, [...i.secretKeys, ...SECRET_OUTPUTS]) };
  }

  async read(id: string, urn: string, props?: Props): Promise<provider.ReadResult> {
    const ops = await this.operations(urn);
    const p = props && Object.keys(props).length > 0 ? revealProperties(withoutDynamicProvider(props)) : undefined;
    const result = await ops.read(id, p && meetingOutputs(p.plain));
    if (!result.id || !result.props) return {};
    const keys = [...(p?.secretKeys ?? []), ...SECRET_OUTPUTS];
    return {
      id: result.id,
      props: concealProperties(result.props, keys),
      inputs: result.inputs && concealProperties(result.inputs, p?.secretKeys ?? []),
    };
  }

  async update(id: string, urn: string, olds: Props, news: Props): Promise<provider.UpdateResult> {
    const ops = await this.operations(urn);
    const o = revealProperties(withoutDynamicProvider(olds));
    const n = revealProperties(news);
    const result = await ops.update(id, meetingOutputs(o.plain), meetingInputs(n.plain));
    return { outs: concealProperties(result.outs ?? {}, [...n.secretKeys, ...SECRET_OUTPUTS]) };
  }

  async delete(id: string, urn: string, props: Props): Promise<void> {
    const ops = await this.operations(urn);
    await ops.delete(id, meetingOutputs(revealProperties(props).plain));
  }
}
