import { checkBoolean, checkEnum, checkInteger, checkList, checkObject, checkString, isObject } from "./checks";
import { SHAPES, type Shape } from "./service-shapes";
import type { Violation } from "./violation";

/**
 * Checks a request (wire member names, as the service receives it) against a shape of the service model:
 * types, required members, list sizes, lengths in code points, ranges, patterns and enums. Paths are wire
 * paths ("Attendees[2].Capabilities.Video"). Members the model does not know are ignored, as the service does.
 */
export function validateShape(value: unknown, shapeName: string, path = ""): Violation[] {
  const out: Violation[] = [];
  check(value, shapeName, path, out);
  return out;
}

function shapeOf(name: string): Shape {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`no shape ${name} in chime/service-shapes.ts`);
  return shape;
}

const join = (path: string, member: string) => (path === "" ? member : `${path}.${member}`);

function check(value: unknown, shapeName: string, path: string, out: Violation[]): void {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case "structure": {
      if (path !== "" && !checkObject(value, path, out)) return;
      if (!isObject(value)) return;
      for (const [name, member] of Object.entries(shape.members)) {
        const v = value[name];
        const at = join(path, name);
        if (v === undefined || v === null) {
          if (shape.required?.includes(name)) out.push({ path: at, value: v ?? undefined, rule: "is required" });
          continue;
        }
        check(v, member.shape, at, out);
      }
      return;
    }
    case "list":
      if (!checkList(value, path, { min: shape.min ?? 0, max: shape.max ?? Infinity }, out)) return;
      value.forEach((item, i) => {
        const at = `${path}[${i}]`;
        if (item === undefined || item === null) out.push({ path: at, value: undefined, rule: "is required" });
        else check(item, shape.member, at, out);
      });
      return;
    case "string":
      if (shape.enum) checkEnum(value, path, shape.enum, out);
      else checkString(value, path, out, { range: { min: shape.min ?? 0, max: shape.max ?? Infinity }, pattern: shape.pattern });
      return;
    case "integer":
      checkInteger(value, path, shape, out);
      return;
    case "boolean":
      if (typeof value !== "boolean") checkBoolean(value, path, out);
      return;
  }
}
