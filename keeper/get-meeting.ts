// GetMeeting through the AWS SDK for the probe: credentials from the SDK's default chain at call time, the
// endpoint from `chime-meetings:endpoint` or the SDK's own resolution (AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS, …),
// the region each meeting was created in (its `region` output).
import { ChimeSDKMeetingsClient, GetMeetingCommand, NotFoundException } from "@aws-sdk/client-chime-sdk-meetings";
import { MISSING_REGION_RULE, regionFromEnvironment } from "../components/meeting/settings";
import type { GetMeeting } from "./probe";

export interface MeetingReader {
  getMeeting: GetMeeting;
  /** Closes the clients' connections. */
  close(): void;
}

/** One client per region for one probe; the SDK's own retries are off so that the probe paces and counts every call. */
export function meetingReader(o: { endpoint?: string; defaultRegion?: string }): MeetingReader {
  const clients = new Map<string, ChimeSDKMeetingsClient>();
  const clientFor = (region: string): ChimeSDKMeetingsClient => {
    let client = clients.get(region);
    if (!client) {
      client = new ChimeSDKMeetingsClient({ region, maxAttempts: 1, ...(o.endpoint ? { endpoint: o.endpoint } : {}) });
      clients.set(region, client);
    }
    return client;
  };
  return {
    getMeeting: async (meeting) => {
      const region = meeting.region ?? o.defaultRegion ?? regionFromEnvironment();
      if (!region) throw new Error(`meeting ${meeting.urn}: region (none in its state) ${MISSING_REGION_RULE}`);
      try {
        await clientFor(region).send(new GetMeetingCommand({ MeetingId: meeting.id }));
        return "live";
      } catch (err) {
        if (err instanceof NotFoundException || (err as { name?: string }).name === "NotFoundException") return "ended";
        throw err;
      }
    },
    close: () => {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}
