import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { chimeMeetingEnforceAttendeeCapabilities } from "./meeting/attendeeCapabilities";
import { chimeMeetingLimitDeclaredAttendees } from "./meeting/attendeeCount";
import { chimeMeetingLimitAttendeeMaxCount, type AttendeeMaxCountConfig } from "./meeting/attendeeMaxCount";
import { chimeMeetingLimitContentResolution, type ContentResolutionConfig } from "./meeting/contentResolution";
import { chimeMeetingDisallowDuplicateExternalIds } from "./meeting/duplicateExternalIds";
import { chimeMeetingConfigureEchoReduction, type EchoReductionConfig } from "./meeting/echoReduction";
import { chimeMeetingEnforceExternalIdFormat } from "./meeting/externalIdFormat";
import { chimeMeetingConfigureExternalIdPattern, type ExternalIdPatternConfig } from "./meeting/externalIdPattern";
import { chimeMeetingEnforceFeatureRules } from "./meeting/featureRules";
import { chimeMeetingDisallowFifoQueueTarget } from "./meeting/fifoTarget";
import { chimeMeetingLimitVideoResolution, type VideoResolutionConfig } from "./meeting/videoResolution";
import { sqsQueueConfigureDeadLetterQueue, type DeadLetterQueueConfig } from "./notifications/deadLetterQueue";
import { sqsQueueEnforceEncryption, snsTopicEnforceEncryption, type QueueEncryptionConfig } from "./notifications/encryption";
import { eventsTargetConfigureDeadLetterQueue } from "./notifications/eventTargetDlq";
import { sqsQueueDisallowFifoMeetingTarget, type FifoMeetingTargetConfig } from "./notifications/fifoMeetingTarget";
import {
  lambdaPermissionDisallowPublicPrincipal, lambdaPermissionRequireSourceConditions, type LambdaSourceConfig,
} from "./notifications/lambdaPermission";
import {
  kmsKeyDisallowPublicPrincipal, snsTopicDisallowPublicPrincipal, sqsQueueDisallowPublicPrincipal,
} from "./notifications/publicPrincipal";
import {
  kmsKeyRequireSourceConditions, snsTopicRequireSourceConditions, sqsQueueRequireSourceConditions, type SourceConditionsConfig,
} from "./notifications/sourceConditions";
import { chimeMeetingLimitControlRegions, type ControlRegionsConfig } from "./regions/controlRegions";
import { chimeMeetingDisallowGovCloudRegions, type GovCloudConfig } from "./regions/govCloud";
import { chimeMeetingLimitMediaRegions, type MediaRegionsConfig } from "./regions/mediaRegions";
import { chimeMeetingEnforceNotificationRegion, type NotificationRegionConfig } from "./regions/notificationRegion";
import { type AllowedTagValuesConfig, chimeMeetingLimitTagValues } from "./tags/allowedTagValues";
import { chimeMeetingRequireTagKeys, type RequiredTagKeysConfig } from "./tags/requiredTagKeys";
import { chimeMeetingEnforceTagRules } from "./tags/serviceTagRules";
import { chimeMeetingLimitTagCount, type TagCountConfig } from "./tags/tagCount";

/** Every rule of the pack, grouped by area. Importing this module only builds plain objects (no side effects). */
export const meetingPolicies: Policies = [
  chimeMeetingEnforceFeatureRules, chimeMeetingLimitVideoResolution, chimeMeetingLimitContentResolution,
  chimeMeetingLimitAttendeeMaxCount, chimeMeetingConfigureEchoReduction, chimeMeetingLimitDeclaredAttendees,
  chimeMeetingEnforceAttendeeCapabilities, chimeMeetingEnforceExternalIdFormat, chimeMeetingConfigureExternalIdPattern,
  chimeMeetingDisallowDuplicateExternalIds, chimeMeetingDisallowFifoQueueTarget,
];

export const tagPolicies: Policies = [
  chimeMeetingEnforceTagRules, chimeMeetingLimitTagCount, chimeMeetingRequireTagKeys, chimeMeetingLimitTagValues,
];

export const regionPolicies: Policies = [
  chimeMeetingLimitMediaRegions, chimeMeetingLimitControlRegions, chimeMeetingDisallowGovCloudRegions,
  chimeMeetingEnforceNotificationRegion,
];

export const notificationPolicies: Policies = [
  sqsQueueRequireSourceConditions, snsTopicRequireSourceConditions, kmsKeyRequireSourceConditions,
  sqsQueueDisallowPublicPrincipal, snsTopicDisallowPublicPrincipal, kmsKeyDisallowPublicPrincipal,
  lambdaPermissionRequireSourceConditions, lambdaPermissionDisallowPublicPrincipal,
  sqsQueueEnforceEncryption, snsTopicEnforceEncryption, sqsQueueConfigureDeadLetterQueue,
  eventsTargetConfigureDeadLetterQueue, sqsQueueDisallowFifoMeetingTarget,
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
export type ChimePolicyPackConfig =
  { all?: EnforcementLevel | { enforcementLevel?: EnforcementLevel } } &
  { [K in keyof RuleSettings]?: RuleEntry<RuleSettings[K]> } &
  { [name: string]: RuleEntry<Record<string, unknown>> | undefined };
