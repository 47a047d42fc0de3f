import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { chimeMeetingEnforceAttendeeCapabilities } from "./meeting/attendee-capabilities";
import { chimeMeetingLimitDeclaredAttendees } from "./meeting/attendee-count";
import { chimeMeetingLimitAttendeeMaxCount, type AttendeeMaxCountConfig } from "./meeting/attendee-max-count";
import { chimeMeetingLimitContentResolution, type ContentResolutionConfig } from "./meeting/content-resolution";
import { chimeMeetingDisallowDuplicateExternalIds } from "./meeting/duplicate-external-ids";
import { chimeMeetingConfigureEchoReduction, type EchoReductionConfig } from "./meeting/echo-reduction";
import { chimeMeetingEnforceExternalIdFormat } from "./meeting/external-id-format";
import { chimeMeetingConfigureExternalIdPattern, type ExternalIdPatternConfig } from "./meeting/external-id-pattern";
import { chimeMeetingEnforceFeatureRules } from "./meeting/feature-rules";
import { chimeMeetingDisallowFifoQueueTarget } from "./meeting/fifo-target";
import { chimeMeetingLimitVideoResolution, type VideoResolutionConfig } from "./meeting/video-resolution";
import { sqsQueueConfigureDeadLetterQueue, type DeadLetterQueueConfig } from "./notifications/dead-letter-queue";
import { sqsQueueEnforceEncryption, snsTopicEnforceEncryption, type QueueEncryptionConfig } from "./notifications/encryption";
import { eventsTargetConfigureDeadLetterQueue } from "./notifications/event-target-dlq";
import { sqsQueueDisallowFifoMeetingTarget, type FifoMeetingTargetConfig } from "./notifications/fifo-meeting-target";
import {
  lambdaPermissionDisallowPublicPrincipal,
  lambdaPermissionRequireSourceConditions,
  type LambdaSourceConfig,
} from "./notifications/lambda-permission";
import {
  kmsKeyDisallowPublicPrincipal,
  snsTopicDisallowPublicPrincipal,
  sqsQueueDisallowPublicPrincipal,
} from "./notifications/public-principal";
import {
  kmsKeyRequireSourceConditions,
  snsTopicRequireSourceConditions,
  sqsQueueRequireSourceConditions,
  type SourceConditionsConfig,
} from "./notifications/source-conditions";
import { chimeMeetingLimitControlRegions, type ControlRegionsConfig } from "./regions/control-regions";
import { chimeMeetingDisallowGovCloudRegions, type GovCloudConfig } from "./regions/gov-cloud";
import { chimeMeetingLimitMediaRegions, type MediaRegionsConfig } from "./regions/media-regions";
import { chimeMeetingEnforceNotificationRegion, type NotificationRegionConfig } from "./regions/notification-region";
import { type AllowedTagValuesConfig, chimeMeetingLimitTagValues } from "./tags/allowed-tag-values";
import { chimeMeetingRequireTagKeys, type RequiredTagKeysConfig } from "./tags/required-tag-keys";
import { chimeMeetingEnforceTagRules } from "./tags/service-tag-rules";
import { chimeMeetingLimitTagCount, type TagCountConfig } from "./tags/tag-count";

/** Every rule of the pack, grouped by area. Importing this module only builds plain objects (no side effects). */
export const meetingPolicies: Policies = [
  chimeMeetingEnforceFeatureRules,
  chimeMeetingLimitVideoResolution,
  chimeMeetingLimitContentResolution,
  chimeMeetingLimitAttendeeMaxCount,
  chimeMeetingConfigureEchoReduction,
  chimeMeetingLimitDeclaredAttendees,
  chimeMeetingEnforceAttendeeCapabilities,
  chimeMeetingEnforceExternalIdFormat,
  chimeMeetingConfigureExternalIdPattern,
  chimeMeetingDisallowDuplicateExternalIds,
  chimeMeetingDisallowFifoQueueTarget,
];

export const tagPolicies: Policies = [
  chimeMeetingEnforceTagRules,
  chimeMeetingLimitTagCount,
  chimeMeetingRequireTagKeys,
  chimeMeetingLimitTagValues,
];

export const regionPolicies: Policies = [
  chimeMeetingLimitMediaRegions,
  chimeMeetingLimitControlRegions,
  chimeMeetingDisallowGovCloudRegions,
  chimeMeetingEnforceNotificationRegion,
];

export const notificationPolicies: Policies = [
  sqsQueueRequireSourceConditions,
  snsTopicRequireSourceConditions,
  kmsKeyRequireSourceConditions,
  sqsQueueDisallowPublicPrincipal,
  snsTopicDisallowPublicPrincipal,
  kmsKeyDisallowPublicPrincipal,
  lambdaPermissionRequireSourceConditions,
  lambdaPermissionDisallowPublicPrincipal,
  sqsQueueEnforceEncryption,
  snsTopicEnforceEncryption,
  sqsQueueConfigureDeadLetterQueue,
  eventsTargetConfigureDeadLetterQueue,
  sqsQueueDisallowFifoMeetingTarget,
];

export const allPolicies: Policies = [...meetingPolicies, ...tagPolicies, ...regionPolicies, ...notificationPolicies];

/** The settings of each configurable rule, by rule name (rules without settings take only an enforcement level). */
export interface RuleSettings {
  "chime-meeting-limit-video-resolution": VideoResolutionConfig;
  "chime-meeting-limit-content-resolution": ContentResolutionConfig;
  "chime-meeting-limit-attendee-max-count": AttendeeMaxCountConfig;
  "chime-meeting-configure-echo-reduction": EchoReductionConfig;
  "chime-meeting-configure-external-id-pattern": ExternalIdPatternConfig;
  "chime-meeting-limit-tag-count": TagCountConfig;
  "chime-meeting-require-tag-keys": RequiredTagKeysConfig;
  "chime-meeting-limit-tag-values": AllowedTagValuesConfig;
  "chime-meeting-limit-media-regions": MediaRegionsConfig;
  "chime-meeting-limit-control-regions": ControlRegionsConfig;
  "chime-meeting-disallow-govcloud-regions": GovCloudConfig;
  "chime-meeting-enforce-notification-region": NotificationRegionConfig;
  "sqs-queue-require-source-conditions": SourceConditionsConfig;
  "sns-topic-require-source-conditions": SourceConditionsConfig;
  "kms-key-require-source-conditions": SourceConditionsConfig;
  "lambda-permission-require-source-conditions": LambdaSourceConfig;
  "sqs-queue-enforce-encryption": QueueEncryptionConfig;
  "sqs-queue-configure-dead-letter-queue": DeadLetterQueueConfig;
  "sqs-queue-disallow-fifo-meeting-target": FifoMeetingTargetConfig;
}

type RuleEntry<C> = EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Partial<C>);

/**
 * The shape of a `--policy-pack-config` file for this pack (policies/config/<env>.json):
 * `{ "all": "advisory", "chime-meeting-limit-media-regions": { "enforcementLevel": "mandatory", "allowedRegions": [...] } }`.
 */
export type ChimePolicyPackConfig = { all?: EnforcementLevel | { enforcementLevel?: EnforcementLevel } } & {
  [K in keyof RuleSettings]?: RuleEntry<RuleSettings[K]>;
} & { [name: string]: RuleEntry<Record<string, unknown>> | undefined };
