// "chime-meetings/meeting-provider": what the stored Meeting provider loads in the provider process. A public
// interface: stacks keep calling it by this name across releases, so `configuredForState`, `configured` (called by
// the providers earlier releases stored) and `useChimeSdk` keep their signatures (see docs/MEETING.md, "Upgrades").
export { configured, configuredForState, settingsFromConfig, useChimeSdk } from "../components/meeting/operations";
