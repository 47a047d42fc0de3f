/**
 * Small parsers for request JSON: each takes an unknown value and its wire path and returns a typed value, or
 * throws a 400 naming the path, the (truncated) value and the rule. The request shape check runs first and
 * reports the same problems with the model's own messages, so these only turn checked JSON into types.
 */
import { isJsonObject, type JsonObject } from "../../../core/json";
import { BadRequestException } from "../errors";

export type { JsonObject } from "../../../core/json";
type Parser<T> = (v: unknown, path: string) => T;

function refuse(path: string, value: unknown, rule: string): never {
  throw new BadRequestException([{ path, value, rule }]);
}

export const object: Parser<JsonObject> = (v, path) => (isJsonObject(v) ? v : refuse(path, v, "must be an object"));

export const string: Parser<string> = (v, path) => (typeof v === "string" ? v : refuse(path, v, "must be a string"));

export const boolean: Parser<boolean> = (v, path) => (typeof v === "boolean" ? v : refuse(path, v, "must be true or false"));

export const integer: Parser<number> = (v, path) =>
  Number.isInteger(v) && typeof v === "number" ? v : refuse(path, v, "must be an integer");

export function oneOf<T extends string>(values: readonly T[]): Parser<T> {
  return (v, path) => values.find((x) => x === v) ?? refuse(path, v, `must be one of ${values.join(", ")}`);
}

export function list<T>(item: Parser<T>): Parser<T[]> {
  return (v, path) => (Array.isArray(v) ? v.map((x, i) => item(x, `${path}[${i}]`)) : refuse(path, v, "must be a list"));
}

/** An absent (undefined) member stays absent; a present one must parse. */
export function optional<T>(parse: Parser<T>): Parser<T | undefined> {
  return (v, path) => (v === undefined ? undefined : parse(v, path));
}

/** The object without its undefined members (the wire omits absent optional members, and so do domain values). */
export function defined<T extends object>(o: T): T {
  const out = { ...o };
  for (const key of Object.keys(out)) if (Reflect.get(out, key) === undefined) Reflect.deleteProperty(out, key);
  return out;
}
