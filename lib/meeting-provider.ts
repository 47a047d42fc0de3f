// "chime-meetings/meeting-provider": what the serialized Meeting provider loads in the provider process. A public
// interface: stacks keep calling it by this name across releases, so `configured` and `useChimeSdk` keep their
// signatures (see docs/MEETING.md, "Upgrades").
export { configured, settingsFromConfig, useChimeSdk } from "../components/meeting/operations";
