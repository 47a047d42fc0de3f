import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { replaceFile, syncDirectory } from "./durable-write";

/** The secret kept in `dir/name`, created (32 random bytes, written durably, mode 0600) on first use. */
export function loadOrCreateKey(dir: string, name: string): Buffer {
  const file = path.join(dir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const key = randomBytes(32);
  replaceFile(file, key);
  syncDirectory(dir);
  return key;
}
