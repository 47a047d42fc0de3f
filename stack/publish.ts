import * as pulumi from "@pulumi/pulumi";
import type { Violation } from "../chime/violation";
import { MeetingAddress } from "../components/address/address";
import { addressParameterName, parameterNameViolations } from "../components/address/parameter-name";
import type { Meeting } from "../components/meeting/meeting";

/** Problems with a `publish` setting of the meeting `name` (paths relative to the meeting). */
export function publishViolations(name: string, raw: unknown): Violation[] {
  if (raw === undefined || raw === false) return [];
  if (raw !== true) return [{ path: "publish", value: raw, rule: "must be true or false" }];
  // The meeting name becomes the last level of /chime-meetings/<stack>/<name>; stack names are always valid there.
  const problems = parameterNameViolations(addressParameterName("stack", name));
  return problems.length === 0
    ? []
    : [
        {
          path: "publish",
          value: raw,
          rule: `needs a meeting name usable in an SSM parameter name (${problems.map((p) => p.rule).join("; ")})`,
        },
      ];
}

/**
 * One MeetingAddress (`<name>-address`, SSM parameter `/chime-meetings/<stack>/<name>`) per meeting declared with
 * `publish: true`. It depends on its meeting, so the `up` that recreates the meeting rewrites the address.
 */
export function publishAddresses(
  decls: { name: string; publish?: boolean; mediaRegion: string }[],
  meetings: Map<string, Meeting>,
): Map<string, MeetingAddress> {
  const addresses = new Map<string, MeetingAddress>();
  for (const d of decls.filter((x) => x.publish === true)) {
    const meeting = meetings.get(d.name)!;
    addresses.set(
      d.name,
      new MeetingAddress(
        `${d.name}-address`,
        {
          parameterName: addressParameterName(pulumi.getStack(), d.name),
          meetingId: meeting.meetingId,
          meetingArn: meeting.meetingArn,
          mediaRegion: meeting.mediaRegion,
          mediaPlacement: meeting.mediaPlacement,
        },
        { dependsOn: [meeting] },
      ),
    );
  }
  return addresses;
}

/** Per published meeting: the SSM parameter applications read. */
export function addressNames(addresses: Map<string, MeetingAddress>): pulumi.Output<Record<string, string>> {
  return pulumi
    .all([...addresses].map(([name, a]) => a.parameterName.apply((p) => [name, p] as const)))
    .apply((pairs) => Object.fromEntries(pairs));
}
