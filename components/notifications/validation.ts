import { CONTROL_REGIONS, MEDIA_REGIONS } from "../../chime/regions";
import type { Violation } from "../../chime/violation";
import { formatViolation } from "../../chime/violation";
import type { HandlerSettings, MeetingNotificationsArgs, OptionalResource } from "./args";
import { enabled } from "./args";
import { optionalResourceModes } from "./optional-resource";

/** Lambda's maximum timeout, in seconds. */
export const LAMBDA_MAX_TIMEOUT_SECONDS = 900;
/** SQS bounds for a redrive policy's maxReceiveCount. */
export const MAX_RECEIVE_COUNT = { min: 1, max: 1000 } as const;

const KNOWN_REGIONS = new Set([...MEDIA_REGIONS, ...CONTROL_REGIONS]);

function checkModes(path: string, input: OptionalResource<object, unknown> | undefined, out: Violation[]): void {
  const modes = optionalResourceModes(input);
  if (modes.length > 1) {
    out.push({ path, value: modes, rule: "must set only one of skip, existing or args" });
  }
}

function checkIntegerRange(path: string, value: number | undefined, min: number, max: number, out: Violation[]): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    out.push({ path, value, rule: `must be an integer from ${min} to ${max}` });
  }
}

function checkHandler(handler: HandlerSettings | undefined, args: MeetingNotificationsArgs, out: Violation[]): void {
  if (handler === undefined) return;
  checkIntegerRange("handler.timeoutSeconds", handler.timeoutSeconds, 1, LAMBDA_MAX_TIMEOUT_SECONDS, out);
  checkModes("handler.logGroup", handler.logGroup, out);
  if (handler.logGroup?.skip === true) {
    out.push({ path: "handler.logGroup.skip", value: true, rule: "is not allowed: the handler always logs to its own group" });
  }
  const visibility = args.queue?.visibilityTimeoutSeconds;
  const timeout = handler.timeoutSeconds ?? 30;
  if (typeof visibility === "number" && visibility < timeout) {
    out.push({
      path: "queue.visibilityTimeoutSeconds",
      value: visibility,
      rule: `must be at least handler.timeoutSeconds (${timeout}) so messages are not redelivered mid-invocation`,
    });
  }
}

/** Every problem with the plain (graph-shaping) parts of the args, as violations. */
export function argsViolations(args: MeetingNotificationsArgs): Violation[] {
  const out: Violation[] = [];
  if (args.meetingRegions !== undefined) {
    if (args.meetingRegions.length === 0) {
      out.push({ path: "meetingRegions", value: [], rule: 'must list at least one region (or "*")' });
    }
    args.meetingRegions.forEach((region, i) => {
      if (region !== "*" && !KNOWN_REGIONS.has(region)) {
        out.push({ path: `meetingRegions[${i}]`, value: region, rule: 'must be a Chime media or control region, or "*"' });
      }
    });
  }
  checkModes("kmsKey", args.kmsKey, out);
  checkModes("deadLetterQueue", args.deadLetterQueue, out);
  if (args.deadLetterQueue?.skip === true) {
    out.push({ path: "deadLetterQueue.skip", value: true, rule: "is not allowed: failed events must have somewhere to go" });
  }
  checkIntegerRange(
    "deadLetterQueue.args.maxReceiveCount",
    args.deadLetterQueue?.args?.maxReceiveCount,
    MAX_RECEIVE_COUNT.min,
    MAX_RECEIVE_COUNT.max,
    out,
  );
  const handler = enabled(args.handler);
  checkHandler(handler, args, out);
  const target = enabled(args.eventBridge)?.target;
  if (target !== undefined && target !== "queue" && target !== "handler") {
    out.push({ path: "eventBridge.target", value: target, rule: 'must be "queue" or "handler"' });
  }
  if (target === "handler" && handler === undefined) {
    out.push({ path: "eventBridge.target", value: target, rule: "needs the handler option to be enabled" });
  }
  return out;
}

/** Throws one error listing every violation, so bad args fail before any resource is registered. */
export function assertValidArgs(name: string, args: MeetingNotificationsArgs): void {
  const violations = argsViolations(args);
  if (violations.length > 0) {
    throw new Error(`MeetingNotifications "${name}" has invalid args: ${violations.map(formatViolation).join("; ")}`);
  }
}
