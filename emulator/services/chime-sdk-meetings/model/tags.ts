import { parseMeetingArn } from "../../../../chime/arn";
import { LIMITS } from "../../../../chime/limits";
import type { Tag } from "../../../../chime/types";
import { validateResourceArn, validateTagKeys, validateTags } from "../../../../chime/validate";
import type { Violation } from "../../../../chime/violation";
import { BadRequestException, ResourceNotFoundException, TooManyTagsException } from "../errors";
import type { Meeting } from "./meeting";
import type { MeetingStore } from "./store";
import type { RequestContext } from "./types";

function requireValid(violations: Violation[]): void {
  if (violations.length > 0) throw new BadRequestException(violations);
}

/** Only meetings are taggable; the ARN must be exactly the live meeting's ARN in the caller's account and API region. */
function meetingForArn(store: MeetingStore, ctx: RequestContext, arn: string): Meeting {
  const parsed = parseMeetingArn(arn);
  const m = parsed ? store.peek(parsed.meetingId) : undefined;
  if (!m || m.state.controlRegion !== ctx.controlRegion || store.arnOf(m) !== arn) {
    throw new ResourceNotFoundException(`Resource ${arn} not found`, arn);
  }
  return m;
}

/** Adds or overwrites tags; more than 50 in total afterwards is TooManyTagsException. */
export function tagResource(store: MeetingStore, ctx: RequestContext, resourceArn: string, tags: Tag[]): void {
  requireValid([...validateResourceArn(resourceArn), ...validateTags(tags)]);
  const m = meetingForArn(store, ctx, resourceArn);
  const merged = new Map(m.state.tags.map((t) => [t.key, t.value]));
  for (const t of tags) merged.set(t.key, t.value);
  if (merged.size > LIMITS.tags) {
    throw new TooManyTagsException(
      `Resource ${resourceArn} would have ${merged.size} tags; a resource can have at most ${LIMITS.tags} tags`,
      resourceArn,
    );
  }
  store.commit([{ kind: "tags", meetingId: m.id, tags: [...merged].map(([key, value]) => ({ key, value })) }]);
}

/** Removes tags by key; keys that are not present are ignored (documented). */
export function untagResource(store: MeetingStore, ctx: RequestContext, resourceArn: string, tagKeys: string[]): void {
  requireValid([...validateResourceArn(resourceArn), ...validateTagKeys(tagKeys)]);
  const m = meetingForArn(store, ctx, resourceArn);
  const remove = new Set(tagKeys);
  store.commit([{ kind: "tags", meetingId: m.id, tags: m.state.tags.filter((t) => !remove.has(t.key)) }]);
}

export function listTagsForResource(store: MeetingStore, ctx: RequestContext, resourceArn: string): Tag[] {
  requireValid(validateResourceArn(resourceArn));
  return meetingForArn(store, ctx, resourceArn).state.tags;
}
