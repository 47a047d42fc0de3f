import type { Tag } from "../../../chime";

/** `tags["team"]` for "tags[3].key"/"tags[3].value" paths of chime/ violations, `tags` otherwise. */
export function tagField(path: string, tags: Tag[]): string {
  const match = /^tags\[(\d+)\]\.(key|value)$/.exec(path);
  if (!match) return path;
  const tag = tags[Number(match[1])];
  const key = tag === undefined ? match[1] : JSON.stringify(tag.key);
  return match[2] === "key" ? `tag key ${key}` : `tags[${key}]`;
}
