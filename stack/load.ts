import * as pulumi from "@pulumi/pulumi";
import { parseMeetings, type MeetingDeclaration } from "./config";

/** Reads and validates the meetings of the current stack (throws StackConfigError naming every bad key). */
export function loadMeetings(config = new pulumi.Config("chime-meetings")): MeetingDeclaration[] {
  return parseMeetings(config.getObject<unknown>("meetings"), config.get("region"));
}
