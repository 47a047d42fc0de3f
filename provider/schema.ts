import * as fs from "node:fs";
import * as path from "node:path";
import { CONTENT_RESOLUTIONS, MEDIA_CAPABILITIES, MEETING_FEATURE_STATUSES, VIDEO_RESOLUTIONS } from "../chime/enums";
import { CREATE_ONLY_FIELDS } from "../components/meeting/compare";
import { PLUGIN_MEETING_TYPE } from "../components/meeting/type-tokens";

/**
 * The package schema of the `chime-meetings` provider plugin (https://www.pulumi.com/docs/iac/extending-pulumi/schema/):
 * what `pulumi package get-schema`, the YAML language host and the SDK generators read.
 */

export const PACKAGE_NAME = "chime-meetings";
export const ADDRESS_TYPE = `${PACKAGE_NAME}:index:MeetingAddress`;

interface PropertySpec {
  description: string;
  type?: string;
  $ref?: string;
  items?: Omit<PropertySpec, "description">;
  additionalProperties?: Omit<PropertySpec, "description">;
  secret?: boolean;
  replaceOnChanges?: boolean;
  willReplaceOnChanges?: boolean;
}

const ref = (name: string) => `#/types/${PACKAGE_NAME}:index:${name}`;
const oneOf = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");
const str = (description: string): PropertySpec => ({ type: "string", description });

function objectType(description: string, properties: Record<string, PropertySpec>, required: string[] = []) {
  return { type: "object", description, properties, ...(required.length > 0 ? { required } : {}) };
}

const types = {
  [`${PACKAGE_NAME}:index:MeetingFeatures`]: objectType("Echo reduction, maximum video/content resolution and attendee cap of a meeting.", {
    audio: { $ref: ref("AudioFeatures"), description: "Audio features." },
    video: { $ref: ref("VideoFeatures"), description: "Video features." },
    content: { $ref: ref("ContentFeatures"), description: "Content-share features." },
    attendee: { $ref: ref("AttendeeFeatures"), description: "Attendee features." },
  }),
  [`${PACKAGE_NAME}:index:AudioFeatures`]: objectType("Audio features of a meeting.", {
    echoReduction: str(`Amazon Voice Focus echo reduction: one of ${oneOf(MEETING_FEATURE_STATUSES)}.`),
  }),
  [`${PACKAGE_NAME}:index:VideoFeatures`]: objectType("Video features of a meeting.", {
    maxResolution: str(`Maximum video resolution: one of ${oneOf(VIDEO_RESOLUTIONS)}.`),
  }),
  [`${PACKAGE_NAME}:index:ContentFeatures`]: objectType("Content-share features of a meeting.", {
    maxResolution: str(`Maximum content-share resolution: one of ${oneOf(CONTENT_RESOLUTIONS)}.`),
  }),
  [`${PACKAGE_NAME}:index:AttendeeFeatures`]: objectType("Attendee features of a meeting.", {
    maxCount: { type: "integer", description: "Maximum number of attendees (1–250)." },
  }),
  [`${PACKAGE_NAME}:index:NotificationsConfiguration`]: objectType("Where the service sends the meeting's events (at most one target).", {
    lambdaFunctionArn: str("ARN of a Lambda function."),
    snsTopicArn: str("ARN of an SNS topic."),
    sqsQueueArn: str("ARN of an SQS queue."),
  }),
  [`${PACKAGE_NAME}:index:AttendeeCapabilities`]: objectType(
    "What an attendee may send and receive.",
    {
      audio: str(`Audio capability: one of ${oneOf(MEDIA_CAPABILITIES)}.`),
      video: str(`Video capability: one of ${oneOf(MEDIA_CAPABILITIES)}.`),
      content: str(`Content-share capability: one of ${oneOf(MEDIA_CAPABILITIES)}.`),
    },
    ["audio", "video", "content"],
  ),
  [`${PACKAGE_NAME}:index:Attendee`]: objectType(
    "An attendee to create in the meeting; attendees are matched across updates by externalUserId.",
    {
      externalUserId: str('The builder\'s identifier for the person (2–64 characters, must not begin with "aws:").'),
      capabilities: {
        $ref: ref("AttendeeCapabilities"),
        description: "Capabilities; defaults to the service defaults for the meeting's features.",
      },
    },
    ["externalUserId"],
  ),
  [`${PACKAGE_NAME}:index:AttendeeOutput`]: objectType(
    "An attendee as created: its id, effective capabilities and join token.",
    {
      externalUserId: str("The builder's identifier for the person."),
      attendeeId: str("The attendee's id."),
      capabilities: { $ref: ref("AttendeeCapabilities"), description: "The effective capabilities." },
      joinToken: { type: "string", secret: true, description: "The token the attendee's client joins with (secret)." },
    },
    ["externalUserId", "attendeeId", "capabilities"],
  ),
  [`${PACKAGE_NAME}:index:MediaPlacement`]: objectType("URLs an attendee's client connects to.", {
    audioHostUrl: str("Audio host URL."),
    audioFallbackUrl: str("Audio fallback URL."),
    signalingUrl: str("Signaling URL."),
    turnControlUrl: str("TURN control URL."),
    screenDataUrl: str("Screen data URL."),
    screenViewingUrl: str("Screen viewing URL."),
    screenSharingUrl: str("Screen sharing URL."),
    eventIngestionUrl: str("Event ingestion URL."),
  }),
};

const createOnly = new Set<string>(CREATE_ONLY_FIELDS);

/** The meeting's inputs; every create-only one is marked replaceOnChanges (the provider's diff replaces on it too). */
function meetingInputs(): Record<string, PropertySpec> {
  const inputs: Record<string, PropertySpec> = {
    mediaRegion: str('Media region that hosts the meeting, e.g. "us-east-1".'),
    externalMeetingId: str("The builder's identifier for the meeting (2–64 characters)."),
    meetingHostId: str("Reserved by the service."),
    meetingFeatures: { $ref: ref("MeetingFeatures"), description: "Echo reduction, maximum video/content resolution and attendee cap." },
    notificationsConfiguration: {
      $ref: ref("NotificationsConfiguration"),
      description: "SNS topic, SQS queue or Lambda function that receives meeting events.",
    },
    primaryMeetingId: str("Makes this meeting a replica of the given primary meeting."),
    tenantIds: { type: "array", items: { type: "string" }, description: "1–5 tenant IDs for media-path access control." },
    tags: { type: "object", additionalProperties: { type: "string" }, description: "Tags as a key→value map; changed in place." },
    attendees: { type: "array", items: { $ref: ref("Attendee") }, description: "Attendees; added, removed and re-capabilitied in place." },
    region: str(
      'The API (control) region. Defaults to provider config "chime-meetings:region", then AWS_REGION / AWS_DEFAULT_REGION / the shared AWS config.',
    ),
  };
  for (const [name, spec] of Object.entries(inputs)) {
    if (createOnly.has(name))
      inputs[name] = { ...spec, description: `${spec.description} Changing it replaces the meeting.`, replaceOnChanges: true };
  }
  return inputs;
}

function meetingOutputs(): Record<string, PropertySpec> {
  const { attendees: _inputAttendees, ...echoed } = meetingInputs();
  return {
    ...echoed,
    meetingId: str("The meeting's id."),
    meetingArn: str("The meeting's ARN."),
    mediaPlacement: { $ref: ref("MediaPlacement"), description: "URLs an attendee's client connects to." },
    clientRequestToken: str("The idempotency token the meeting was created with."),
    attendees: {
      type: "array",
      items: { $ref: ref("AttendeeOutput") },
      secret: true,
      description: "Attendees with attendeeId, effective capabilities and joinToken; secret, because it carries the join tokens.",
    },
  };
}

/** The published join information of a meeting (components/address, docs/MEETING.md). */
function addressResource() {
  const parameterName = str("The SSM parameter name, e.g. /chime-meetings/<stack>/<meeting>. Changing it replaces the parameter.");
  const region = str(
    'The region of the parameter; defaults to provider config "chime-meetings:region", then AWS_REGION / AWS_DEFAULT_REGION. Changing it replaces the parameter.',
  );
  return {
    description:
      "The stable address of a meeting that may be recreated: an SSM String parameter whose JSON value is the current meeting's MeetingId, MeetingArn, MediaRegion and MediaPlacement (never join tokens).",
    inputProperties: {
      parameterName: { ...parameterName, replaceOnChanges: true },
      meetingId: str("The meeting's id (a Meeting's meetingId output)."),
      meetingArn: str("The meeting's ARN."),
      mediaRegion: str("The meeting's media region."),
      mediaPlacement: { $ref: ref("MediaPlacement"), description: "The meeting's media placement." },
      region: { ...region, replaceOnChanges: true },
    },
    requiredInputs: ["parameterName", "meetingId", "meetingArn", "mediaRegion", "mediaPlacement"],
    properties: {
      parameterName,
      value: str("The published JSON: MeetingId, MeetingArn, MediaRegion and MediaPlacement."),
      region,
      version: { type: "integer", description: "The SSM parameter version last written or read." },
    },
    required: ["parameterName", "value", "region"],
  };
}

const configVariables = {
  region: str("Default control region of meetings that set no `region` (else AWS_REGION, AWS_DEFAULT_REGION, the shared AWS config)."),
  endpoint: str(
    "Custom Chime SDK Meetings endpoint (http:// or https:// URL), e.g. a local emulator; else AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS or the SDK's own resolution.",
  ),
  maxAttempts: str("Attempts per API call including the first (integer 1–20, default 5), with the SDK's standard retry strategy."),
  requestsPerSecond: str(
    "Calls per second per API operation and control region the provider allows itself (0 to 10000, 0: unpaced; default 10).",
  ),
};

/** The version of this package (its package.json, one level up from provider/ or two from bin/provider/). */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === PACKAGE_NAME && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`package.json of ${PACKAGE_NAME} not found above ${__dirname}`);
  }
}

export function providerSchema(version = packageVersion()) {
  const outputs = meetingOutputs();
  return {
    name: PACKAGE_NAME,
    displayName: "Amazon Chime SDK meetings",
    version,
    description: "Amazon Chime SDK meetings with their attendees, as Pulumi resources for every Pulumi language.",
    keywords: ["pulumi", "aws", "chime", "meetings", "category/cloud"],
    license: "Apache-2.0",
    config: { variables: configVariables },
    provider: {
      description: "The chime-meetings provider: how meetings reach the Chime SDK Meetings API.",
      inputProperties: configVariables,
    },
    types,
    resources: {
      [PLUGIN_MEETING_TYPE]: {
        description:
          "An Amazon Chime SDK meeting with its attendees. Create-only inputs replace the meeting (a new meeting id and new join tokens); tags and attendees change in place.",
        inputProperties: meetingInputs(),
        requiredInputs: ["mediaRegion", "externalMeetingId"],
        properties: outputs,
        required: ["region", "mediaRegion", "externalMeetingId", "meetingId", "meetingArn", "mediaPlacement", "tags", "attendees"],
      },
      [ADDRESS_TYPE]: addressResource(),
    },
    language: {
      nodejs: { packageName: "@chime-meetings/sdk", respectSchemaVersion: true },
      python: { packageName: "pulumi_chime_meetings", respectSchemaVersion: true, pyproject: { enabled: true } },
      // A Go module path of this package's own (no public repository serves it): consumers place the generated
      // SDK in their tree and point a `replace` directive at it (docs/PROVIDER-PLUGIN.md).
      go: { importBasePath: "chime-meetings.local/sdk/go/chimemeetings", respectSchemaVersion: true },
    },
  };
}

export function schemaJson(): string {
  return JSON.stringify(providerSchema(), null, 2);
}
