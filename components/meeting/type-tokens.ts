/**
 * The Pulumi type tokens of a meeting: the dynamic resource (`Meeting` from "chime-meetings") and the provider
 * plugin's custom resource (`chime-meetings:index:Meeting`, for every Pulumi language). Policies, the offline
 * check and the keeper recognise a meeting by these.
 */
export const DYNAMIC_MEETING_TYPE = "pulumi-nodejs:dynamic/chime:Meeting";
export const PLUGIN_MEETING_TYPE = "chime-meetings:index:Meeting";
export const MEETING_TYPES: readonly string[] = [DYNAMIC_MEETING_TYPE, PLUGIN_MEETING_TYPE];

export function isMeetingType(type: string): boolean {
  return MEETING_TYPES.includes(type);
}
