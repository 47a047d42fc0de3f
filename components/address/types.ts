import type * as pulumi from "@pulumi/pulumi";
import type { MediaPlacement } from "../meeting/types";

/** The arguments of a `MeetingAddress`: where to publish, and the meeting whose join information it carries. */
export interface MeetingAddressArgs {
  /** The SSM parameter name, e.g. `/chime-meetings/<stack>/<meeting>`. Changing it replaces the parameter. */
  readonly parameterName: pulumi.Input<string>;
  readonly meetingId: pulumi.Input<string>;
  readonly meetingArn: pulumi.Input<string>;
  readonly mediaRegion: pulumi.Input<string>;
  readonly mediaPlacement: pulumi.Input<MediaPlacement>;
  /**
   * The region of the parameter. Changing it replaces the parameter.
   * @default `chime-meetings:region`, then `aws:region`, then AWS_REGION / AWS_DEFAULT_REGION.
   */
  readonly region?: pulumi.Input<string>;
}

/** What the provider sees: the parameter and its JSON value (built by the resource class). */
export interface AddressInputs {
  parameterName: string;
  value: string;
  region?: string;
}

export interface AddressOutputs {
  parameterName: string;
  value: string;
  region: string;
  /** The SSM parameter version last written or read. */
  version?: number;
}
