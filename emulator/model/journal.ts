import * as fs from "node:fs";
import * as path from "node:path";
import type { Tag, TranscriptionConfiguration } from "../../chime/types";
import { JoinTokenMinter } from "./ids";
import { isProcessRunning } from "../process";
import type { AttendeeState, MeetingSnapshot } from "./meeting";

/** One durable change. Records are domain data only: no wire format, no join tokens. */
export type JournalRecord =
  | { t: "meeting"; m: MeetingSnapshot }
  | { t: "attendee"; meetingId: string; a: AttendeeState; idleSince?: number }
  | { t: "attendeeDeleted"; meetingId: string; attendeeId: string; idleSince?: number }
  | { t: "meetingEnded"; meetingId: string }
  | { t: "tags"; meetingId: string; tags: Tag[] }
  | { t: "transcription"; meetingId: string; config?: TranscriptionConfiguration }
  | { t: "clock"; advancedMs: number }
  | { t: "reset" };

const JOURNAL = "journal.jsonl";
const KEY = "join-token.key";
const LOCK = "emulator.pid";

/**
 * Append-only JSON-lines journal. Every acknowledged write is fsync'ed before the response is sent;
 * on start the journal is replayed and rewritten as one record per live meeting (compaction).
 */
export class Journal {
  private fd: number | undefined;

  private constructor(private readonly dir: string) {}

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

  append(records: JournalRecord[]): void {
    if (this.fd === undefined || records.length === 0) return;
    fs.writeSync(this.fd, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    fs.fdatasyncSync(this.fd);
  }

  /** Atomically replaces the journal by `records` (write temp, fsync, rename), then reopens it for appends. */
  compact(records: JournalRecord[]): void {
    this.close();
    const file = path.join(this.dir, JOURNAL);
    const tmp = `${file}.tmp`;
    const fd = fs.openSync(tmp, "w", 0o600);
    if (records.length > 0) fs.writeSync(fd, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
    syncDirectory(this.dir);
    this.fd = fs.openSync(file, "a", 0o600);
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
    const file = path.join(this.dir, JOURNAL);
    if (!fs.existsSync(file)) return [];
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const records: JournalRecord[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      try {
        records.push(JSON.parse(line) as JournalRecord);
      } catch (err) {
        // A torn last line is a write that was never acknowledged; anything else is corruption.
        if (lines.slice(i + 1).some((l) => l.trim() !== "")) {
          throw new Error(`${file}: line ${i + 1} is not valid JSON (${(err as Error).message}); the journal is corrupt`);
        }
      }
    });
    return records;
  }

  private loadKey(): Buffer {
    const file = path.join(this.dir, KEY);
    if (fs.existsSync(file)) return fs.readFileSync(file);
    const key = JoinTokenMinter.newKey();
    const fd = fs.openSync(file, "w", 0o600);
    fs.writeSync(fd, key);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
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
