/**
 * The input through which the `Meeting` class passes its `import` resource option. Pulumi's Node.js
 * dynamic-provider host cannot serve an import (the engine's Read carries no state, so the host has no provider
 * to call), so `Meeting` turns the option into this input and create() adopts the meeting instead of creating
 * one (import.ts, docs/MEETING.md "Import").
 */
export const ADOPT_INPUT = "adoptMeetingId";
