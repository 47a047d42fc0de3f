import { checkList, checkNotReserved, checkObject, checkString } from "./checks";
import { LIMITS } from "./limits";
import type { Tag } from "./types";
import type { Violation } from "./violation";

/** 0–50 tags, key 1–128 (model pattern, no "aws:" prefix), value 0–256 (model pattern), keys unique. */
export function validateTags(tags: Tag[], path = "tags"): Violation[] {
  const out: Violation[] = [];
  if (!checkList(tags, path, { min: 0, max: LIMITS.tags }, out)) return out;
  const seen = new Set<string>();
  tags.forEach((tag, i) => {
    const at = `${path}[${i}]`;
    if (!checkObject(tag, at, out)) return;
    if (checkString(tag.key, `${at}.key`, out, { range: LIMITS.tagKey, pattern: "tagKey", required: true })) {
      checkNotReserved(tag.key, `${at}.key`, out);
      if (seen.has(tag.key)) out.push({ path: `${at}.key`, value: tag.key, rule: "must be unique within the tag list" });
      seen.add(tag.key);
    }
    checkString(tag.value, `${at}.value`, out, { range: LIMITS.tagValue, pattern: "tagValue", required: true });
  });
  return out;
}

/** UntagResource TagKeys: 0–50 keys of the tag-key shape. */
export function validateTagKeys(keys: string[], path = "tagKeys"): Violation[] {
  const out: Violation[] = [];
  if (!checkList(keys, path, { min: 0, max: LIMITS.tags }, out)) return out;
  keys.forEach((key, i) => {
    checkString(key, `${path}[${i}]`, out, { range: LIMITS.tagKey, pattern: "tagKey", required: true });
  });
  return out;
}
