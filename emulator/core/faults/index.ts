export { FaultInjector, DEFAULT_FAULT_SEED } from "./injector";
export type { FaultInjectorOptions } from "./injector";
export {
  FaultConfigError,
  validateFaultConfig,
  assertFaultConfig,
  MAX_FAULT_RULES,
  MAX_LATENCY_MS,
  MAX_RETRY_AFTER_SECONDS,
} from "./validate";
export { FAULT_KINDS } from "./types";
export type { Fault, FaultKind, FaultConfig, FaultRule } from "./types";
