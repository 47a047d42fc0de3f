import { OPERATION_INPUTS, SHAPES, validateShape } from "../../../../chime/validate";
import { BadRequestException } from "../errors";
import type { HandlerInput } from "./handlers";
import type { OperationName } from "./routes";

/** A query integer as the model types it; a non-numeric value stays text so the check names it as sent. */
function queryValue(raw: string, shape: string): unknown {
  if (SHAPES[shape]?.type !== "integer") return raw;
  const n = Number(raw);
  return raw.trim() !== "" && Number.isFinite(n) ? n : raw;
}

/** The request as the service model sees it: path labels, query members and body members under their model names. */
function modelInput(operation: OperationName, input: HandlerInput): Record<string, unknown> {
  const shape = SHAPES[OPERATION_INPUTS[operation]];
  if (shape.type !== "structure") throw new Error(`${operation}: input shape is not a structure`);
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    if (member.location === "uri") out[name] = input.labels[member.locationName ?? name];
    else if (member.location === "querystring") {
      const raw = input.query.get(member.locationName ?? name);
      if (raw !== null) out[name] = queryValue(raw, member.shape);
    } else out[name] = input.body[name];
  }
  return out;
}

/**
 * The whole request is checked against the operation's input shape before the model acts: any broken
 * constraint (a batch item's too — a 1-character ExternalUserId, an unknown capability) is a 400 naming the
 * member, and nothing is created.
 */
export function checkRequestShape(operation: OperationName, input: HandlerInput): void {
  const violations = validateShape(modelInput(operation, input), OPERATION_INPUTS[operation]);
  if (violations.length > 0) throw new BadRequestException(violations);
}
