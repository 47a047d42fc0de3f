import type { Tag } from "../../chime/types";

/**
 * chime/ reports tag problems by list index ("tags[3].key"); this resource and the stack config take
 * tags as a map, so the path names the key instead ("tags.aws:owner").
 */
export function tagPathByKey(path: string, tags: Tag[]): string {
  const m = /^tags\[(\d+)\]\.(key|value)$/.exec(path);
  return m ? `tags.${tags[Number(m[1])]?.key ?? m[1]}` : path;
}
