import { knownString, type MeetingInputs } from "../common/meeting";

/** The API (control) region that creates the meeting: its `region` input, else the rule's configured default. */
export function controlRegionOf(inputs: MeetingInputs, defaultRegion: string): string | undefined {
  if (inputs.region !== undefined) return knownString(inputs.region);
  return defaultRegion === "" ? undefined : defaultRegion;
}

export const DEFAULT_REGION_SCHEMA = {
  type: "string",
  default: "",
  description: 'The control region of meetings without a `region` input (the provider\'s region); "" = skip those meetings.',
} as const;
