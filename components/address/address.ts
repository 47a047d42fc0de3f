import * as pulumi from "@pulumi/pulumi";
import { meetingAddressProvider } from "./provider";
import type { MeetingAddressArgs } from "./types";
import { addressValue } from "./value";

/**
 * The stable address of a meeting that may be recreated: an SSM String parameter (type
 * `pulumi-nodejs:dynamic/chime:MeetingAddress`) whose JSON value is the current meeting's MeetingId,
 * MeetingArn, MediaRegion and MediaPlacement. It depends on the meeting, so the `up` that recreates the
 * meeting rewrites it. Needs no AWS provider plugin.
 */
export class MeetingAddress extends pulumi.dynamic.Resource {
  declare readonly parameterName: pulumi.Output<string>;
  /** The published JSON (no join tokens). */
  declare readonly value: pulumi.Output<string>;
  declare readonly region: pulumi.Output<string>;
  declare readonly version: pulumi.Output<number | undefined>;

  constructor(name: string, args: MeetingAddressArgs, opts?: pulumi.CustomResourceOptions) {
    const value = pulumi
      .all([args.meetingId, args.meetingArn, args.mediaRegion, args.mediaPlacement])
      .apply(([meetingId, meetingArn, mediaRegion, mediaPlacement]) =>
        addressValue({ meetingId, meetingArn, mediaRegion, mediaPlacement }),
      );
    const props: pulumi.Inputs = { version: undefined, parameterName: args.parameterName, value, region: args.region };
    super(meetingAddressProvider, name, props, opts, "chime", "MeetingAddress");
  }
}
