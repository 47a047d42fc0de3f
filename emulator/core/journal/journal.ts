import * as fs from "node:fs";
import * as path from "node:path";
import { DiskWriteError, replaceFile, syncDirectory, writeFully } from "./durable-write";
import { lockDirectory, unlockDirectory } from "./pid-lock";

const JOURNAL = "journal.jsonl";

/** Turns one parsed journal line into a record, or says why it is not one this emulator wrote. */
export type RecordDecoder<R> = (json: unknown) => { record: R } | { problem: string };

const encode = (records: readonly unknown[]) => Buffer.from(records.map((r) => JSON.stringify(r)).join("\n") + "\n");

/**
 * Append-only JSON-lines journal of one data directory (locked to this process). A change is acknowledged only
 * after its records are written in full and fdatasync'ed; a write the disk refuses is cut back off the file and
 * reported as a DiskWriteError, so the caller changes nothing. On start the journal is validated line by line
 * (by the service's decoder) and can be rewritten as a snapshot (compaction); an incomplete last line (a write
 * that was never acknowledged) is set aside in a named file. The records' meaning belongs to the service.
 */
export class Journal<R> {
  private fd: number | undefined;
  /** Bytes of acknowledged records: where the next append goes, and where a failed one is cut back to. */
  private size = 0;
  /** Set when a failed append could not be cut back: the file's tail is unknown, so no further write is safe. */
  private broken?: DiskWriteError;

  private constructor(
    readonly dir: string,
    private readonly decode: RecordDecoder<R>,
  ) {}

  get file(): string {
    return path.join(this.dir, JOURNAL);
  }

  /** Opens (or creates) a data directory and locks it; returns the journal and the records to replay. */
  static open<R>(dir: string, decode: RecordDecoder<R>): { journal: Journal<R>; records: R[] } {
    fs.mkdirSync(dir, { recursive: true });
    lockDirectory(dir);
    const journal = new Journal(dir, decode);
    try {
      return { journal, records: journal.read() };
    } catch (err) {
      journal.release();
      throw err;
    }
  }

  /** Makes `records` (JSON values) durable or throws DiskWriteError having left the file as it was. */
  append(records: readonly unknown[]): void {
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
  compact(records: readonly unknown[]): void {
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
    unlockDirectory(this.dir);
  }

  private read(): R[] {
    const file = this.file;
    if (!fs.existsSync(file)) return [];
    const lines = fs.readFileSync(file, "utf8").split("\n");
    // Every acknowledged append ends with a newline, so text after the last one was never acknowledged.
    const tail = lines.pop() ?? "";
    if (tail !== "") this.setAsideTornTail(tail, lines.length + 1);
    const records: R[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new Error(`${file}: line ${i + 1} is not valid JSON (${why}); the journal is corrupt`, { cause: err });
      }
      const decoded = this.decode(parsed);
      if ("problem" in decoded)
        throw new Error(`${file}: line ${i + 1} is not a journal record: it ${decoded.problem}; the journal is corrupt`);
      records.push(decoded.record);
    });
    return records;
  }

  private setAsideTornTail(tail: string, line: number): void {
    const aside = `${this.file}.torn-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    replaceFile(aside, Buffer.from(tail));
    process.stderr.write(
      `emulator: warning: ${this.file} line ${line} is incomplete (${Buffer.byteLength(tail)} bytes of a write that was never ` +
        `acknowledged); set aside in ${aside}\n`,
    );
  }
}
