import type { Tag } from "../../chime/types";

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * chime/ reports tag problems by list index ("tags[3].key"); this resource and the stack config take tags as a map,
 * so the path names the key instead, as a Pulumi property path the engine can parse: `tags.team`, or
 * `tags["aws:owner"]` for a key with other characters (an unparseable path makes the CLI drop the reason).
 */
export function tagPathByKey(path: string, tags: Tag[]): string {
  const m = /^tags\[(\d+)\]\.(key|value)$/.exec(path);
  if (!m) return path;
  const key = tags[Number(m[1])]?.key;
  if (key === undefined) return `tags[${m[1]}]`;
  return SIMPLE_KEY.test(key) ? `tags.${key}` : `tags[${JSON.stringify(key)}]`;
}
