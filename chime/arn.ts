import { partitionOf } from "./regions";

/** `arn:<partition>:chime:<region>:<account-id>:meeting/<MeetingId>` (docs/API-NOTES.md#arns-and-identifiers). */
export function meetingArn(region: string, accountId: string, meetingId: string, partition = partitionOf(region)): string {
  return `arn:${partition}:chime:${region}:${accountId}:meeting/${meetingId}`;
}

export interface ParsedMeetingArn {
  partition: string;
  region: string;
  accountId: string;
  meetingId: string;
}

const MEETING_ARN = /^arn:(aws|aws-us-gov|aws-cn):chime:([a-z0-9-]*):(\d{12}):meeting\/([^/]+)$/;

/** Parses a meeting ARN; undefined when the string is not one. */
export function parseMeetingArn(arn: string): ParsedMeetingArn | undefined {
  const m = MEETING_ARN.exec(arn);
  if (!m) return undefined;
  return { partition: m[1], region: m[2], accountId: m[3], meetingId: m[4] };
}
