import type { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { chimeSdk, isNotFound } from "./client";

/** DeleteMeeting; a meeting that is already gone counts as deleted. */
export async function deleteMeeting(client: ChimeSDKMeetingsClient, id: string): Promise<void> {
  try {
    await client.send(new (chimeSdk().DeleteMeetingCommand)({ MeetingId: id }));
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
