import * as pulumi from "@pulumi/pulumi";
import { Meeting } from "../components/meeting/meeting";
import { creationOrder, type MeetingDeclaration } from "./config";
import { notificationsConfigurationFor } from "./notifications";

/** Declares one Meeting per declaration; replicas get their primary's id (its MeetingId) as primaryMeetingId. */
export function declareMeetings(decls: MeetingDeclaration[]): Map<string, Meeting> {
  const meetings = new Map<string, Meeting>();
  for (const d of creationOrder(decls)) {
    const primary = d.primary !== undefined ? meetings.get(d.primary) : undefined;
    meetings.set(
      d.name,
      new Meeting(d.name, {
        mediaRegion: d.mediaRegion,
        externalMeetingId: d.externalMeetingId,
        meetingHostId: d.meetingHostId,
        meetingFeatures: d.meetingFeatures,
        notificationsConfiguration: d.notifications ? notificationsConfigurationFor(d.name) : d.notificationsConfiguration,
        // The id, not meetingId: it stays known while the primary is updated in place, so the replica previews unchanged.
        primaryMeetingId: primary ? primary.id : d.primaryMeetingId,
        tenantIds: d.tenantIds,
        tags: d.tags,
        attendees: d.attendees,
        region: d.region,
      }),
    );
  }
  return meetings;
}

/** What `pulumi stack output meetings` shows: no join tokens, so it is not secret. */
export function meetingSummaries(decls: MeetingDeclaration[], meetings: Map<string, Meeting>): pulumi.Output<Record<string, unknown>> {
  const entries = decls.map((d) => {
    const m = meetings.get(d.name)!;
    return pulumi.all([m.meetingId, m.meetingArn, m.region, m.tags]).apply(
      ([meetingId, meetingArn, region, tags]) =>
        [
          d.name,
          {
            meetingId,
            meetingArn,
            region,
            mediaRegion: d.mediaRegion,
            externalMeetingId: d.externalMeetingId,
            ...(d.primary !== undefined ? { primary: d.primary } : {}),
            attendees: (d.attendees ?? []).map((a) => a.externalUserId),
            tags: tags ?? {},
          },
        ] as const,
    );
  });
  return pulumi.all(entries).apply((pairs) => Object.fromEntries(pairs));
}

/** Join information per meeting (attendee ids and join tokens): exported as a secret. */
export function joinInfo(decls: MeetingDeclaration[], meetings: Map<string, Meeting>): pulumi.Output<Record<string, unknown>> {
  const entries = decls.map((d) => {
    const m = meetings.get(d.name)!;
    return pulumi.all([m.meetingId, m.mediaPlacement, m.attendees]).apply(
      ([meetingId, mediaPlacement, attendees]) =>
        [
          d.name,
          {
            meetingId,
            mediaPlacement,
            attendees: (attendees ?? []).map((a) => ({
              externalUserId: a.externalUserId,
              attendeeId: a.attendeeId,
              joinToken: a.joinToken,
            })),
          },
        ] as const,
    );
  });
  return pulumi.secret(pulumi.all(entries).apply((pairs) => Object.fromEntries(pairs)));
}
