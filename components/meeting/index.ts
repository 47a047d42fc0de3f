export { Meeting } from "./meeting";
export { MeetingProvider, meetingProvider } from "./provider";
export { MeetingPartialFailure } from "./errors";
export type { AttendeeArgs, AttendeeOutput, MediaPlacement, MeetingArgs, MeetingInputs, MeetingOutputs } from "./types";
