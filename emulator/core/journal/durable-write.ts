import * as fs from "node:fs";

/** A write the disk refused (full, file-size limit, I/O error): nothing of it may be acknowledged. */
export class DiskWriteError extends Error {
  constructor(
    readonly file: string,
    readonly cause: unknown,
  ) {
    super(`${file}: ${describe(cause)}`);
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return "code" in err && typeof err.code === "string" ? `${err.code}: ${err.message}` : err.message;
}

/**
 * Writes all of `data` at `position`, looping over short writes: at a file-size limit or a full disk the kernel
 * first writes part of the buffer and only the next call fails, so a single writeSync can lose a record's tail
 * without an error.
 */
export function writeFully(fd: number, data: Buffer, position: number | null, file: string): void {
  let done = 0;
  while (done < data.length) {
    let n: number;
    try {
      n = fs.writeSync(fd, data, done, data.length - done, position === null ? null : position + done);
    } catch (err) {
      throw new DiskWriteError(file, err);
    }
    if (n <= 0) throw new DiskWriteError(file, new Error(`short write: ${done} of ${data.length} bytes`));
    done += n;
  }
}

/** Writes `data` to `file` atomically: temp file written in full and fsync'ed, then renamed over the old one. */
export function replaceFile(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, "w", 0o600);
    writeFully(fd, data, 0, temp);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err instanceof DiskWriteError ? err : new DiskWriteError(file, err);
  }
}

/** Makes a rename or a new file in `dir` durable (the directory entry itself is fsync'ed). */
export function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
