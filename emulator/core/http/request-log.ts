/** One AWS-route request as the admin API reports it (join tokens and bodies are never kept). */
export interface LoggedRequest {
  time: string;
  operation: string;
  method: string;
  path: string;
  /** HTTP status sent; 0 when the connection was dropped by an injected fault. */
  status: number;
}

const DEFAULT_CAPACITY = 10_000;

/** A ring buffer: the newest `capacity` requests, oldest first. Times are formatted only when read. */
export class RequestLog {
  private entries: { time: number; operation: string; method: string; path: string; status: number }[] = [];
  private start = 0;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  add(operation: string, method: string, path: string, status: number): void {
    const entry = { time: Date.now(), operation, method, path, status };
    if (this.entries.length < this.capacity) this.entries.push(entry);
    else {
      this.entries[this.start] = entry;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  list(): LoggedRequest[] {
    const ordered = [...this.entries.slice(this.start), ...this.entries.slice(0, this.start)];
    return ordered.map((e) => ({ ...e, time: new Date(e.time).toISOString() }));
  }

  clear(): void {
    this.entries = [];
    this.start = 0;
  }
}
