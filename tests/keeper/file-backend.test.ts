import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { emptySidecars, fileBackendRoot, staleLocks } from "../../keeper/file-backend";

describe("file backend repair after a killed pulumi process", () => {
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

  it("finds the empty metadata sidecars under stacks and locks, and only those", () => {
    const stacks = path.join(dir, ".pulumi", "stacks", "proj");
    fs.mkdirSync(stacks, { recursive: true });
    fs.writeFileSync(path.join(stacks, "dev.json"), "{}");
    fs.writeFileSync(path.join(stacks, "dev.json.attrs"), "");
    fs.writeFileSync(path.join(stacks, "prod.json.attrs"), "{}\n");
    const history = path.join(dir, ".pulumi", "history", "proj", "dev");
    fs.mkdirSync(history, { recursive: true });
    fs.writeFileSync(path.join(history, "dev-1.history.json.attrs"), "");
    assert.deepEqual(emptySidecars(dir), [path.join(stacks, "dev.json.attrs")]);
  });

  it("reads the directory of a file:// backend URL, with ~ and without the query", () => {
    assert.equal(fileBackendRoot("file:///srv/state?no_tmp_dir=true"), "/srv/state");
    assert.equal(fileBackendRoot("file://~/state"), `${os.homedir()}/state`);
    assert.equal(fileBackendRoot("postgres://localhost/db"), undefined);
    assert.equal(fileBackendRoot(undefined), undefined);
  });
});
