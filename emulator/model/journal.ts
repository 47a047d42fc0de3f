import * as fs from "node:fs";
import * as path from "node:path";
import { DiskWriteError, replaceFile, writeFully } from "../durable-write";
import { JoinTokenMinter } from "./ids";
import { isProcessRunning } from "../process";
import { recordProblem, type JournalRecord } from "./journal-records";

export type { JournalRecord } from "./journal-records";

const JOURNAL = "journal.jsonl";
const KEY = "join-token.key";
const LOCK = "emulator.pid";

const encode = (records: JournalRecord[]) => Buffer.from(records.map((r) => JSON.stringify(r)).join("\n") + "\n");

/**
 * Append-only JSON-lines journal. A change is acknowledged only after its records are written in full and
 * fdatasync'ed; a write the disk refuses is cut back off the file and reported as a DiskWriteError, so the caller
 * changes nothing. On start the journal is validated line by line, replayed and rewritten as one record per live
 * meeting (compaction); an incomplete last line (a write that was never acknowledged) is set aside in a named file.
 */
export class Journal {
  private fd: number | undefined;
  /** Bytes of acknowledged records: where the next append goes, and where a failed one is cut back to. */
  private size = 0;
  /** Set when a failed append could not be cut back: the file's tail is unknown, so no further write is safe. */
  private broken?: DiskWriteError;

  private constructor(private readonly dir: string) {}

  get file(): string {
    return path.join(this.dir, JOURNAL);
  }

  /** Opens (or creates) a data directory; returns the journal, the records to replay and the token minter. */
  static open(dir: string): { journal: Journal; records: JournalRecord[]; minter: JoinTokenMinter } {
    fs.mkdirSync(dir, { recursive: true });
    lockDirectory(dir);
    const journal = new Journal(dir);
    try {
      return { journal, records: journal.read(), minter: new JoinTokenMinter(journal.loadKey()) };
    } catch (err) {
      journal.release();
      throw err;
    }
  }

  /** Makes `records` durable or throws DiskWriteError having left the file as it was. */
  append(records: JournalRecord[]): void {
    if (this.broken) throw this.broken;
    if (this.fd === undefined || records.length === 0) return;
    const data = encode(records);
    try {
      writeFully(this.fd, data, this.size, this.file);
      fs.fdatasyncSync(this.fd);
    } catch (err) {
      const failure = err instanceof DiskWriteError ? err : new DiskWriteError(this.file, err);
      try {
        fs.ftruncateSync(this.fd, this.size);
        fs.fdatasyncSync(this.fd);
      } catch {
        this.broken = failure;
      }
      throw failure;
    }
    this.size += data.length;
  }

  /** Atomically replaces the journal by `records` (write temp, fsync, rename), then reopens it for appends. */
  compact(records: JournalRecord[]): void {
    this.close();
    replaceFile(this.file, records.length > 0 ? encode(records) : Buffer.alloc(0));
    syncDirectory(this.dir);
    this.fd = fs.openSync(this.file, "r+", 0o600);
    this.size = fs.fstatSync(this.fd).size;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  /** Closes the journal and gives the directory back to other emulators. */
  release(): void {
    this.close();
    fs.rmSync(path.join(this.dir, LOCK), { force: true });
  }

  private read(): JournalRecord[] {
    const file = this.file;
    if (!fs.existsSync(file)) return [];
    const text = fs.readFileSync(file, "utf8");
    const lines = text.split("\n");
    // Every acknowledged append ends with a newline, so text after the last one was never acknowledged.
    const tail = lines.pop() as string;
    if (tail !== "") this.setAsideTornTail(tail, lines.length + 1);
    const records: JournalRecord[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (err) {
        throw new Error(`${file}: line ${i + 1} is not valid JSON (${(err as Error).message}); the journal is corrupt`);
      }
      const problem = recordProblem(parsed);
      if (problem) throw new Error(`${file}: line ${i + 1} is not a journal record: it ${problem}; the journal is corrupt`);
      records.push(parsed as JournalRecord);
    });
    return records;
  }

  private setAsideTornTail(tail: string, line: number): void {
    const aside = `${this.file}.torn-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    replaceFile(aside, Buffer.from(tail));
    process.stderr.write(
      `emulator: warning: ${this.file} line ${line} is incomplete (${Buffer.byteLength(tail)} bytes of a write that was never ` +
      `acknowledged); set aside in ${aside}\n`);
  }

  private loadKey(): Buffer {
    const file = path.join(this.dir, KEY);
    if (fs.existsSync(file)) return fs.readFileSync(file);
    const key = JoinTokenMinter.newKey();
    replaceFile(file, key);
    syncDirectory(this.dir);
    return key;
  }
}

/**
 * One emulator per data directory: two writers would interleave their journals. A lock left by a process
 * that no longer runs (kill -9) is taken over.
 */
function lockDirectory(dir: string): void {
  const file = path.join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx", mode: 0o600 });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(fs.readFileSync(file, "utf8"));
      if (Number.isInteger(owner) && owner > 0 && isProcessRunning(owner)) {
        throw new Error(`data directory ${dir} is in use by the emulator with pid ${owner}; stop it or choose another --data-dir`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock data directory ${dir}`);
}

function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
