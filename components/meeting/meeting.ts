import * as pulumi from "@pulumi/pulumi";
import type { MeetingFeatures, NotificationsConfiguration } from "../../chime/types";
import { ADOPT_INPUT } from "./adopt-input";
import { skipPromiseStackTraces, withCallerStack } from "./promise-stacks";
import { MEETING_PROVIDER_MODULE } from "./provider";
import { DYNAMIC_MEETING_TYPE } from "./type-tokens";
import { storedAttendees, storedMediaPlacement } from "./stored-outputs";
import type { AttendeeOutput, MeetingArgs, MediaPlacement } from "./types";
import { DECLARED_FIELDS } from "./compare";

/** Outputs that only the service supplies; seeded as undefined so Pulumi registers them (pulumi/pulumi#2931). */
const SERVICE_OUTPUTS = ["meetingId", "meetingArn", "mediaPlacement", "clientRequestToken", "generation", "ended"] as const;

/** Outputs that echo inputs; seeded too because optional inputs may be absent. */
const INPUT_OUTPUTS = DECLARED_FIELDS;

/**
 * Stable per resource and unique like its URN (two children named alike under different parents differ):
 * the basis of the idempotency token derived in check().
 */
function idempotencySeed(name: string, parent: pulumi.Resource | undefined): pulumi.Input<string> {
  const stackScope = `${pulumi.getProject()}/${pulumi.getStack()}`;
  return parent ? pulumi.interpolate`${parent.urn}/${name}` : `${stackScope}/${name}`;
}

/**
 * An Amazon Chime SDK meeting with its attendees (type `pulumi-nodejs:dynamic/chime:Meeting`).
 * Create-only inputs replace the meeting; tags and attendees change in place. `attendees` is a
 * secret output because it carries each attendee's join token.
 *
 * A dynamic resource registered directly rather than through `pulumi.dynamic.Resource`, so that the provider it
 * stores is the short module of provider.ts instead of a serialized closure (same type, same state).
 */
export class Meeting extends pulumi.CustomResource {
  declare readonly meetingId: pulumi.Output<string>;
  declare readonly meetingArn: pulumi.Output<string>;
  declare readonly mediaPlacement: pulumi.Output<MediaPlacement>;
  /** The features as the service reports them. */
  declare readonly meetingFeatures: pulumi.Output<MeetingFeatures | undefined>;
  /** Attendees with attendeeId, effective capabilities and joinToken (secret). */
  declare readonly attendees: pulumi.Output<AttendeeOutput[]>;
  /** The control region the meeting was created through. */
  declare readonly region: pulumi.Output<string>;
  declare readonly mediaRegion: pulumi.Output<string>;
  declare readonly externalMeetingId: pulumi.Output<string>;
  declare readonly meetingHostId: pulumi.Output<string | undefined>;
  declare readonly notificationsConfiguration: pulumi.Output<NotificationsConfiguration | undefined>;
  declare readonly primaryMeetingId: pulumi.Output<string | undefined>;
  declare readonly tenantIds: pulumi.Output<string[] | undefined>;
  declare readonly tags: pulumi.Output<Record<string, string>>;
  /** The idempotency token used to create the meeting. */
  declare readonly clientRequestToken: pulumi.Output<string>;
  /** Absent for the resource's first meeting; one more for each recreation after a meeting ended (docs/MEETING.md). */
  declare readonly generation: pulumi.Output<number | undefined>;
  /** True once a refresh found the meeting gone; the next `up` replaces it. */
  declare readonly ended: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: MeetingArgs, opts?: pulumi.CustomResourceOptions) {
    const props: pulumi.Inputs = {};
    for (const key of [...SERVICE_OUTPUTS, ...INPUT_OUTPUTS]) props[key] = undefined;
    Object.assign(props, args, { idempotencySeed: idempotencySeed(name, opts?.parent), __provider: MEETING_PROVIDER_MODULE });
    // The dynamic-provider host cannot import: the id travels as an input and create() adopts the meeting.
    const { import: importId, ...options } = opts ?? {};
    if (importId !== undefined) props[ADOPT_INPUT] = importId;
    const restore = skipPromiseStackTraces();
    try {
      super(DYNAMIC_MEETING_TYPE, name, props, pulumi.mergeOptions(options, { additionalSecretOutputs: ["attendees"] }));
    } catch (err) {
      restore();
      throw withCallerStack(err, Meeting);
    } finally {
      restore();
    }
    // The state holds these as compact texts (stored-outputs.ts); the outputs are the list and the object.
    this.attendees = this.attendees.apply(storedAttendees);
    this.mediaPlacement = pulumi.all([this.mediaPlacement, this.meetingId]).apply(([placement, id]) => storedMediaPlacement(placement, id));
  }
}
