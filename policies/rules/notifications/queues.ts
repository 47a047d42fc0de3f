import type { StackRuleResource } from "../common/define";
import { isUnknown } from "../common/unknown";
import { isRecord, isSet, jsonObject, stringValue } from "../common/values";
import { AWS, NATIVE, QUEUE_TYPES } from "./resource-types";

/** What the stack rules need to know about a queue, across @pulumi/aws and @pulumi/aws-native. */
export interface QueueView {
  resource: StackRuleResource;
  arn?: string;
  url?: string;
  fifo: boolean;
  tags: Record<string, string>;
}

function tagsOf(value: unknown): Record<string, string> {
  if (Array.isArray(value)) {
    // aws-native: [{ key, value }]
    return Object.fromEntries(value.filter(isRecord).map((t) => [String(t.key), String(t.value)]));
  }
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
}

export function queueView(resource: StackRuleResource): QueueView {
  const p = resource.props;
  const native = resource.type === NATIVE.queue;
  const name = stringValue(native ? p.queueName : p.name);
  return {
    resource,
    arn: stringValue(p.arn),
    url: stringValue(native ? p.queueUrl : (p.url ?? p.id)),
    fifo: p.fifoQueue === true || (name?.endsWith(".fifo") ?? false),
    tags: tagsOf(p.tags),
  };
}

export function queuesOf(resources: StackRuleResource[]): QueueView[] {
  return resources.filter((r) => QUEUE_TYPES.includes(r.type)).map(queueView);
}

/** The dead-letter target named by a redrive policy: its ARN, the string "unknown" (set at apply time), or undefined. */
export function deadLetterTarget(redrivePolicy: unknown): string | undefined {
  if (!isSet(redrivePolicy)) return undefined;
  if (isUnknown(redrivePolicy)) return "unknown";
  const parsed = jsonObject(redrivePolicy);
  if (parsed === undefined) return undefined;
  const arn = parsed.deadLetterTargetArn;
  if (isUnknown(arn)) return "unknown";
  return stringValue(arn);
}

/** True when `resource` took `property` from `source` (preview), or its value equals `sourceValue` (known). */
export function refersTo(resource: StackRuleResource, property: string, source: QueueView, value: unknown, sourceValue?: string): boolean {
  if ((resource.propertyDependencies[property] ?? []).includes(source.resource.urn)) return true;
  return sourceValue !== undefined && value === sourceValue;
}

export const REDRIVE_RESOURCE = AWS.redrivePolicy;
export const REDRIVE_ALLOW_RESOURCE = AWS.redriveAllowPolicy;
