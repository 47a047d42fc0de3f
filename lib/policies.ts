// "chime-meetings/policies": every rule of the pack as a value, grouped lists, the rule builders and a pack
// factory, so a team composes its own CrossGuard pack with its own settings (see docs/POLICIES.md).
export * from "../policies/rules/catalog";
export { chimeMeetingsPolicyPack, type ChimeMeetingsPolicyPackArgs } from "../policies/pack";
export {
  resourceRule,
  stackRule,
  RULE_VERBS,
  type RuleResource,
  type StackRuleResource,
  type StackFinding,
} from "../policies/rules/common/define";
export { chimeMeetingEnforceAttendeeCapabilities, type AttendeeCapabilitiesConfig } from "../policies/rules/meeting/attendee-capabilities";
export { chimeMeetingLimitDeclaredAttendees, type AttendeeCountConfig } from "../policies/rules/meeting/attendee-count";
export { chimeMeetingLimitAttendeeMaxCount, type AttendeeMaxCountConfig } from "../policies/rules/meeting/attendee-max-count";
export { chimeMeetingLimitContentResolution, type ContentResolutionConfig } from "../policies/rules/meeting/content-resolution";
export {
  chimeMeetingDisallowDuplicateExternalIds,
  type DuplicateExternalIdsConfig,
} from "../policies/rules/meeting/duplicate-external-ids";
export { chimeMeetingConfigureEchoReduction, type EchoReductionConfig } from "../policies/rules/meeting/echo-reduction";
export { chimeMeetingEnforceExternalIdFormat, type ExternalIdFormatConfig } from "../policies/rules/meeting/external-id-format";
export { chimeMeetingConfigureExternalIdPattern, type ExternalIdPatternConfig } from "../policies/rules/meeting/external-id-pattern";
export { chimeMeetingEnforceFeatureRules, type FeatureRulesConfig } from "../policies/rules/meeting/feature-rules";
export { chimeMeetingDisallowFifoQueueTarget, type FifoTargetConfig } from "../policies/rules/meeting/fifo-target";
export { chimeMeetingLimitVideoResolution, type VideoResolutionConfig } from "../policies/rules/meeting/video-resolution";
export { sqsQueueConfigureDeadLetterQueue, type DeadLetterQueueConfig } from "../policies/rules/notifications/dead-letter-queue";
export {
  sqsQueueEnforceEncryption,
  snsTopicEnforceEncryption,
  type QueueEncryptionConfig,
  type TopicEncryptionConfig,
} from "../policies/rules/notifications/encryption";
export { eventsTargetConfigureDeadLetterQueue, type EventTargetDlqConfig } from "../policies/rules/notifications/event-target-dlq";
export { sqsQueueDisallowFifoMeetingTarget, type FifoMeetingTargetConfig } from "../policies/rules/notifications/fifo-meeting-target";
export {
  lambdaPermissionRequireSourceConditions,
  lambdaPermissionDisallowPublicPrincipal,
  type LambdaSourceConfig,
  type LambdaPublicConfig,
} from "../policies/rules/notifications/lambda-permission";
export {
  sqsQueueDisallowPublicPrincipal,
  snsTopicDisallowPublicPrincipal,
  kmsKeyDisallowPublicPrincipal,
  type PublicPrincipalConfig,
} from "../policies/rules/notifications/public-principal";
export {
  sqsQueueRequireSourceConditions,
  snsTopicRequireSourceConditions,
  kmsKeyRequireSourceConditions,
  type SourceConditionsConfig,
} from "../policies/rules/notifications/source-conditions";
export { chimeMeetingLimitControlRegions, type ControlRegionsConfig } from "../policies/rules/regions/control-regions";
export { chimeMeetingDisallowGovCloudRegions, type GovCloudConfig } from "../policies/rules/regions/gov-cloud";
export { chimeMeetingLimitMediaRegions, type MediaRegionsConfig } from "../policies/rules/regions/media-regions";
export { chimeMeetingEnforceNotificationRegion, type NotificationRegionConfig } from "../policies/rules/regions/notification-region";
export { chimeMeetingLimitTagValues, type AllowedTagValuesConfig } from "../policies/rules/tags/allowed-tag-values";
export { chimeMeetingRequireTagKeys, type RequiredTagKeysConfig } from "../policies/rules/tags/required-tag-keys";
export { chimeMeetingEnforceTagRules, type ServiceTagRulesConfig } from "../policies/rules/tags/service-tag-rules";
export { chimeMeetingLimitTagCount, type TagCountConfig } from "../policies/rules/tags/tag-count";
