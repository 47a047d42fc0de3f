import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { staleLocks } from "../../scripts/start/stale-locks";

describe("npm start stale lock cleanup", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "locks-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function lock(name: string, content: object): string {
    const file = path.join(dir, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  }

  it("finds a lock of a process that no longer runs on this host", () => {
    const file = lock("dead", { pid: 2 ** 22 + 12345, hostname: "here" });
    assert.deepEqual(staleLocks(dir, "here"), [file]);
  });

  it("keeps a lock held by a live process", () => {
    lock("alive", { pid: process.pid, hostname: "here" });
    assert.deepEqual(staleLocks(dir, "here"), []);
  });

  it("keeps a lock taken on another host", () => {
    lock("remote", { pid: 2 ** 22 + 12345, hostname: "elsewhere" });
    assert.deepEqual(staleLocks(dir, "here"), []);
  });
});
