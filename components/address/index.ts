export { MeetingAddress } from "./address";
export { MeetingAddressProvider, meetingAddressProvider } from "./provider";
export { addressParameterName, parameterNameViolations, SSM_RULES } from "./parameter-name";
export { addressValue, type PublishedMeeting } from "./value";
export type { AddressInputs, AddressOutputs, MeetingAddressArgs } from "./types";
