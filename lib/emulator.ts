// "chime-meetings/emulator": the local Chime SDK Meetings API emulator for programmatic use (tests, scripts).
export * from "../emulator";
