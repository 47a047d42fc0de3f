import { Clock } from "../../core/clock";
import { DiskWriteError } from "../../core/journal/durable-write";
import { Journal } from "../../core/journal/journal";
import { loadOrCreateKey } from "../../core/journal/key-file";
import { ServiceUnavailableException } from "./errors";
import { decodeRecord, toRecord, type JournalRecord } from "./journal-records";
import { ChimeBackend } from "./model/backend";
import { JoinTokenMinter } from "./model/ids";
import type { ChangeSink } from "./model/types";

/** Join tokens are derived from this per-data-dir key, so the journal never holds one. */
const JOIN_TOKEN_KEY = "join-token.key";

export interface ChimeServiceOptions {
  accountId: string;
  lifecycle: boolean;
  clockSpeed: number;
  /** Directory of the durable journal; in memory when absent. */
  dataDir?: string;
}

export interface ChimeService {
  backend: ChimeBackend;
  /** Closes the journal and unlocks the data directory. */
  close(): void;
}

/**
 * The Chime SDK Meetings model with its persistence: with a data directory, the saved changes are replayed,
 * the journal is compacted to one record per live meeting, and every later change is appended durably
 * before the model applies it.
 */
export function openChimeService(o: ChimeServiceOptions): ChimeService {
  const clock = new Clock(o.clockSpeed);
  const model = { accountId: o.accountId, lifecycle: o.lifecycle, clock };
  if (o.dataDir === undefined) return { backend: new ChimeBackend({ ...model, minter: new JoinTokenMinter() }), close: () => undefined };
  const { journal, records } = Journal.open(o.dataDir, decodeRecord);
  try {
    const minter = new JoinTokenMinter(loadOrCreateKey(o.dataDir, JOIN_TOKEN_KEY));
    const backend = new ChimeBackend({ ...model, minter, sink: journalSink(journal), saved: records });
    journal.compact(backend.store.snapshotChanges().map(toRecord));
    return { backend, close: () => journal.release() };
  } catch (err) {
    journal.release();
    throw err;
  }
}

/** Appends each change durably; a write the disk refuses is a 503 and the model applies nothing. */
function journalSink(journal: Journal<unknown>): ChangeSink {
  return {
    persist(changes) {
      const records: JournalRecord[] = changes.map(toRecord);
      try {
        journal.append(records);
      } catch (err) {
        if (!(err instanceof DiskWriteError)) throw err;
        process.stderr.write(`emulator: the journal refused a write, which was not applied: ${err.message}\n`);
        throw new ServiceUnavailableException(
          `The emulator could not write its journal (${err.message}); the change was not applied. Free disk space and retry.`,
          1,
        );
      }
    },
  };
}
