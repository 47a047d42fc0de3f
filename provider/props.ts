// The plugin's property maps as the types of the operations behind them. What a program declares is parsed by the
// operations' check() (components/meeting/check.ts, components/address/provider.ts), which reports every field it
// refuses; the engine then hands diff, create, update and delete only inputs that check() accepted and outputs the
// operations themselves returned. So past check() the maps only need their type named, here and nowhere else.
import type { AddressInputs, AddressOutputs } from "../components/address/types";
import type { MeetingInputs, MeetingOutputs } from "../components/meeting/types";

type Props = Record<string, unknown>;

export const meetingInputs = (props: Props): MeetingInputs => props as unknown as MeetingInputs;
export const meetingOutputs = (props: Props): MeetingOutputs => props as unknown as MeetingOutputs;
export const addressInputs = (props: Props): AddressInputs => props as unknown as AddressInputs;
export const addressOutputs = (props: Props): AddressOutputs => props as unknown as AddressOutputs;
