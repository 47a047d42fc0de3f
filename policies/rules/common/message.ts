import { isUnknown } from "./unknown";

const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic/";

/** `chime:Meeting 'standup'`, `chime-meetings:index:Meeting 'standup'`, `aws:sqs/queue:Queue 'events'`. */
export function resourceLabel(resource: { type: string; name: string }): string {
  const type = resource.type.startsWith(DYNAMIC_TYPE_PREFIX) ? resource.type.slice(DYNAMIC_TYPE_PREFIX.length) : resource.type;
  return `${type} '${resource.name}'`;
}

export function showValue(value: unknown): string {
  if (value === undefined) return "not set";
  if (isUnknown(value)) return "unknown";
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export interface ViolationParts {
  resource: { type: string; name: string };
  /** The input property, as a dotted path. */
  field: string;
  value: unknown;
  /** What the value breaks, stating the limit, e.g. "must be one of [\"HD\"] (policy config allowedResolutions)". */
  problem: string;
  /** What to change. */
  fix: string;
}

/** The one message shape of the pack: resource, field, value, the limit broken, then the fix. */
export function violationMessage(parts: ViolationParts): string {
  return `${resourceLabel(parts.resource)}: ${parts.field} is ${showValue(parts.value)} but ${parts.problem}. Fix: ${parts.fix}.`;
}
