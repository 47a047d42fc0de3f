// Meetings as tests look at them: the emulator's live meetings by external id, and a meeting created outside Pulumi.
import type { CreateMeetingWithAttendeesCommandInput } from "@aws-sdk/client-chime-sdk-meetings";
import type { AdminMeeting, EmulatorAdminClient } from "../../emulator";

/** The emulator's live meetings, by ExternalMeetingId. */
export async function liveMeetings(admin: EmulatorAdminClient): Promise<Map<string, AdminMeeting>> {
  return new Map((await admin.listMeetings()).map((m) => [m.externalMeetingId, m]));
}

/** A meeting a team created through the API before adopting it into a stack (the import tests declare the same one). */
export function meetingCreatedOutsidePulumi(clientRequestToken: string): CreateMeetingWithAttendeesCommandInput {
  return {
    ClientRequestToken: clientRequestToken,
    MediaRegion: "eu-central-1",
    ExternalMeetingId: "adopted-townhall",
    MeetingFeatures: { Video: { MaxResolution: "FHD" }, Attendee: { MaxCount: 20 } },
    Tags: [{ Key: "team", Value: "comms" }],
    Attendees: [
      { ExternalUserId: "host-sam" },
      { ExternalUserId: "viewer-alex", Capabilities: { Audio: "Receive", Video: "Receive", Content: "Receive" } },
    ],
  };
}
