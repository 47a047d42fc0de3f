import { isObject } from "../../../chime/checks";

/** Structured JSON logging for the handler: one JSON object per line, secrets removed by key name. */

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

/** Keys whose values are never written: join tokens, credentials and the like. */
export const REDACTED_KEY = /token|secret|password|credential|authorization/i;
export const REDACTED = "[redacted]";

/** Deep copy of `value` with every secret-looking key's value replaced. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  return isObject(value) ? redactFields(value) : value;
}

function redactFields(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).map(([key, inner]) => [key, REDACTED_KEY.test(key) ? REDACTED : redact(inner)]));
}

export function jsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => Date = () => new Date(),
): Logger {
  return {
    log(level, message, fields = {}) {
      const entry = { level, time: now().toISOString(), message, ...redactFields(fields) };
      write(JSON.stringify(entry));
    },
  };
}
