import type { ChimeSDKMeetingsClient } from "@aws-sdk/client-chime-sdk-meetings";
import { ADOPT_INPUT } from "./adopt-input";
import { inInputOrder, toAttendeeOutput } from "./attendees";
import type { CheckFailure } from "./check";
import { chimeSdk, isNotFound } from "./client";
import { changedCreateOnlyFields } from "./compare";
import { diffMeeting } from "./diff";
import { listAllAttendees } from "./read";
import type { MeetingInputs, MeetingOutputs } from "./types";
import { updateMeeting } from "./update";
import { compact, fromWireFeatures, fromWireMediaPlacement, fromWireTags } from "./wire";

/**
 * A running meeting adopted by its MeetingId (`pulumi import`, or the `import` resource option): everything the API
 * returns, from GetMeeting, ListAttendees (all pages) and ListTagsForResource. The API cannot give back what the
 * create request alone held: the ClientRequestToken (check() derives a new one, which only a replacement would
 * send), NotificationsConfiguration, and join tokens the list leaves out (docs/MEETING.md, "Import").
 * Undefined when there is no such meeting.
 */
export async function importMeeting(
  client: ChimeSDKMeetingsClient,
  meetingId: string,
  region: string,
): Promise<MeetingOutputs | undefined> {
  const sdk = chimeSdk();
  try {
    const { Meeting: meeting = {} } = await client.send(new sdk.GetMeetingCommand({ MeetingId: meetingId }));
    const listed = await listAllAttendees(client, meetingId);
    const arn = meeting.MeetingArn ?? "";
    const { Tags } = await client.send(new sdk.ListTagsForResourceCommand({ ResourceARN: arn }));
    const meetingFeatures = fromWireFeatures(meeting.MeetingFeatures);
    return compact({
      region,
      mediaRegion: meeting.MediaRegion ?? "",
      externalMeetingId: meeting.ExternalMeetingId ?? "",
      meetingHostId: meeting.MeetingHostId,
      meetingFeatures,
      primaryMeetingId: meeting.PrimaryMeetingId,
      tenantIds: meeting.TenantIds && meeting.TenantIds.length > 0 ? meeting.TenantIds : undefined,
      meetingId: meeting.MeetingId ?? meetingId,
      meetingArn: arn,
      mediaPlacement: fromWireMediaPlacement(meeting.MediaPlacement),
      tags: fromWireTags(Tags),
      attendees: listed.map((a) => toAttendeeOutput(a, undefined, meetingFeatures)),
    });
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export { ADOPT_INPUT };

export type AdoptingInputs = MeetingInputs & { [ADOPT_INPUT]?: string };

const MEETING_ID = /^[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}$/;

/**
 * The import id is kept only while the resource has no state, as Pulumi ignores `import` once a resource exists:
 * a later replacement creates a new meeting. A malformed id fails check().
 */
export function checkAdoption(olds: Partial<AdoptingInputs>, news: AdoptingInputs): { inputs: AdoptingInputs; failures: CheckFailure[] } {
  const id = news[ADOPT_INPUT];
  const hasState = olds !== undefined && Object.keys(olds).length > 0;
  if (id === undefined || hasState) {
    const { [ADOPT_INPUT]: _dropped, ...rest } = news;
    return { inputs: rest, failures: [] };
  }
  if (typeof id !== "string" || !MEETING_ID.test(id)) {
    return {
      inputs: news,
      failures: [
        { property: ADOPT_INPUT, reason: `import: value ${JSON.stringify(String(id).slice(0, 60))} must be a MeetingId (a GUID)` },
      ],
    };
  }
  return { inputs: news, failures: [] };
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * create() for an adopted meeting: the live meeting must match the declaration's create-only inputs (those are
 * never changed by adoption; NotificationsConfiguration, which the API does not return, is taken from the
 * declaration). Tags and attendees that differ are then applied in place, as an update would.
 */
export async function adoptMeeting(client: ChimeSDKMeetingsClient, inputs: AdoptingInputs, region: string): Promise<MeetingOutputs> {
  const id = inputs[ADOPT_INPUT]!;
  const found = await importMeeting(client, id, region);
  if (!found)
    throw new Error(
      `import: meeting ${id} does not exist in the API region ${region} (ended, deleted, or created through another region or account)`,
    );
  const live = compact({ ...found, notificationsConfiguration: inputs.notificationsConfiguration });
  const declared = { ...inputs, region };
  const differing = changedCreateOnlyFields(live, declared);
  if (differing.length > 0) {
    const detail = differing.map((f) => `${f}: live ${shown(live[f])}, declared ${shown(declared[f])}`).join("; ");
    throw new Error(
      `import: meeting ${id} differs from the declaration in create-only inputs, which only a replacement can change (${detail}); declare the live values to import it`,
    );
  }
  const adopted: MeetingOutputs = compact({
    ...live,
    idempotencySeed: inputs.idempotencySeed,
    clientRequestToken: inputs.clientRequestToken,
  });
  const { [ADOPT_INPUT]: _id, ...declaration } = inputs;
  if (!diffMeeting(adopted, declared).changes)
    return { ...adopted, attendees: inInputOrder(adopted.attendees, declaration.attendees ?? []) };
  return updateMeeting(client, adopted, declaration);
}
