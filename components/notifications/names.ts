/**
 * Child resource names. Every child is `${name}-<role>` so two components in one stack never collide and a
 * rename of the component renames its children consistently.
 */
export const CHILD_ROLES = {
  provider: "provider",
  kmsKey: "key",
  kmsKeyPolicy: "key-policy",
  queue: "queue",
  deadLetterQueue: "dlq",
  deadLetterQueuePolicy: "dlq-policy",
  queuePolicy: "queue-policy",
  topic: "topic",
  topicPolicy: "topic-policy",
  topicSubscription: "topic-queue",
  handlerLogGroup: "handler-logs",
  handlerRole: "handler-role",
  handlerRolePolicy: "handler-policy",
  handler: "handler",
  handlerQueueMapping: "handler-queue",
  handlerChimeInvoke: "handler-chime-invoke",
  eventRule: "events",
  eventTarget: "events-target",
  eventInvoke: "events-invoke",
} as const;

export type ChildRole = keyof typeof CHILD_ROLES;

export function childName(name: string, role: ChildRole): string {
  return `${name}-${CHILD_ROLES[role]}`;
}

/**
 * One Lambda permission per allowed meeting region; the region keeps names stable as the list grows. Without an
 * explicit region (the default: the targets' own region) the name has no suffix.
 */
export function chimeInvokePermissionName(name: string, meetingRegion?: string): string {
  if (meetingRegion === undefined) return childName(name, "handlerChimeInvoke");
  const suffix = meetingRegion === "*" ? "any-region" : meetingRegion;
  return `${childName(name, "handlerChimeInvoke")}-${suffix}`;
}
