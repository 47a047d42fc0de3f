export { startEmulator } from "./server";
export type { EmulatorOptions, RunningEmulator } from "./server";
export { EmulatorAdminClient } from "./admin-client";
export type { AdminMeeting } from "./services/chime-sdk-meetings/model/admin";
export type { LoggedRequest } from "./core/http/request-log";
export type { FaultConfig, Fault, FaultRule } from "./core/faults";
export * from "./services/chime-sdk-meetings/errors";
