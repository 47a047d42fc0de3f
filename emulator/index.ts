export { startEmulator } from "./server";
export type { EmulatorOptions, RunningEmulator } from "./server";
export { EmulatorAdminClient } from "./admin-client";
export type { AdminMeeting } from "./model/admin";
export type { LoggedRequest } from "./http/request-log";
export type { FaultConfig, Fault, FaultRule } from "./faults";
export * from "./errors";
