import type * as pulumi from "@pulumi/pulumi";
import type {
  AttendeeCapabilities,
  ContentResolution,
  MediaCapability,
  MeetingFeatureStatus,
  MeetingSpec,
  VideoResolution,
} from "../../chime/types";

/** The capabilities of one attendee, each a `pulumi.Input`. */
export interface AttendeeCapabilitiesArgs {
  readonly audio: pulumi.Input<MediaCapability>;
  readonly video: pulumi.Input<MediaCapability>;
  readonly content: pulumi.Input<MediaCapability>;
}

/** One attendee to create in the meeting; attendees are matched across updates by `externalUserId`. */
export interface AttendeeArgs {
  /** The builder's identifier for the person (2–64 characters, must not begin with "aws:"). */
  readonly externalUserId: pulumi.Input<string>;
  /** Audio, video and content capabilities. @default the service defaults for the meeting's features (SendReceive where allowed). */
  readonly capabilities?: pulumi.Input<AttendeeCapabilitiesArgs>;
}

/** Meeting features, every level a `pulumi.Input`. */
export interface MeetingFeaturesArgs {
  readonly audio?: pulumi.Input<{ readonly echoReduction?: pulumi.Input<MeetingFeatureStatus> }>;
  readonly video?: pulumi.Input<{ readonly maxResolution?: pulumi.Input<VideoResolution> }>;
  readonly content?: pulumi.Input<{ readonly maxResolution?: pulumi.Input<ContentResolution> }>;
  readonly attendee?: pulumi.Input<{ readonly maxCount?: pulumi.Input<number> }>;
}

/** The targets of the meeting's events, each ARN a `pulumi.Input` (wire them from resources' `arn` outputs). */
export interface NotificationsConfigurationArgs {
  readonly lambdaFunctionArn?: pulumi.Input<string>;
  readonly snsTopicArn?: pulumi.Input<string>;
  readonly sqsQueueArn?: pulumi.Input<string>;
}

/** An attendee as the provider sees it (resolved). */
export interface AttendeeInputs {
  externalUserId: string;
  capabilities?: AttendeeCapabilities;
}

/** The arguments of a `Meeting` (all may be Outputs). */
export interface MeetingArgs {
  /** Media region that hosts the meeting, e.g. "us-east-1". Changing it replaces the meeting. */
  readonly mediaRegion: pulumi.Input<string>;
  /** The builder's identifier for the meeting (2–64 characters). Changing it replaces the meeting. */
  readonly externalMeetingId: pulumi.Input<string>;
  /** Reserved by the service. Changing it replaces the meeting. */
  readonly meetingHostId?: pulumi.Input<string>;
  /** Echo reduction, maximum video/content resolution and attendee cap. Changing them replaces the meeting. */
  readonly meetingFeatures?: pulumi.Input<MeetingFeaturesArgs>;
  /** SNS topic / SQS queue / Lambda function that receive meeting events. Changing it replaces the meeting. */
  readonly notificationsConfiguration?: pulumi.Input<NotificationsConfigurationArgs>;
  /** Makes this meeting a replica of the given primary meeting. Changing it replaces the meeting. */
  readonly primaryMeetingId?: pulumi.Input<string>;
  /** 1–5 tenant IDs for media-path access control. Changing them replaces the meeting. */
  readonly tenantIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Tags as a key→value map; changed in place. */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Attendees; added, removed and re-capabilitied in place. */
  readonly attendees?: pulumi.Input<pulumi.Input<AttendeeArgs>[]>;
  /**
   * The API (control) region. Changing it replaces the meeting.
   * @default `chime-meetings:region`, then `aws:region`, then AWS_REGION / AWS_DEFAULT_REGION / the shared AWS config.
   */
  readonly region?: pulumi.Input<string>;
}

/** The inputs as the provider sees them (resolved): the API's meeting shape, with tags as a key→value map. */
export interface MeetingInputs extends Omit<MeetingSpec, "tags"> {
  tags?: Record<string, string>;
  attendees?: AttendeeInputs[];
  region?: string;
  /** Stable per-resource seed (project/stack/name), set by the `Meeting` class. */
  idempotencySeed?: string;
  /** The ClientRequestToken of CreateMeeting*, derived in check() from the seed and the create-only inputs. */
  clientRequestToken?: string;
  /**
   * How many times this resource's meeting was recreated after it ended (absent: never). check() derives it: one
   * more than the stored meeting's when read() found that meeting gone. It is part of the idempotency token.
   */
  generation?: number;
  /** Set by read() when the meeting is gone (ended, expired or deleted outside Pulumi); the next up replaces it. */
  ended?: boolean;
}

/** URLs an attendee's client connects to. */
export interface MediaPlacement {
  audioHostUrl?: string;
  audioFallbackUrl?: string;
  signalingUrl?: string;
  turnControlUrl?: string;
  screenDataUrl?: string;
  screenViewingUrl?: string;
  screenSharingUrl?: string;
  eventIngestionUrl?: string;
}

/** An attendee as created: its id, effective capabilities and join token (secret). */
export interface AttendeeOutput {
  externalUserId: string;
  attendeeId: string;
  capabilities: AttendeeCapabilities;
  /** Absent only when the service never returned it for this attendee. */
  joinToken?: string;
}

/** The resource state: the inputs plus what the service returned. */
export interface MeetingOutputs extends Omit<MeetingInputs, "attendees" | "tags"> {
  region: string;
  meetingId: string;
  meetingArn: string;
  mediaPlacement: MediaPlacement;
  tags: Record<string, string>;
  attendees: AttendeeOutput[];
}
