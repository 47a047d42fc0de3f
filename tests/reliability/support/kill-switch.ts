// A loopback HTTP pass-through in front of the emulator that counts API write calls by operation and,
// once armed, SIGKILLs a process tree (see killTree) at an exact call: "before" (the call never reaches the emulator)
// or "after" (the emulator applied it, the client never sees the answer). Deterministic, unlike polling
// the request log while the CLI keeps going.
import * as http from "node:http";
import { matchRoute } from "../../../emulator/services/chime-sdk-meetings/wire/routes";
import { killTree } from "./cli";
import { listenOnLoopback } from "./loopback-listen";

export interface KillPoint {
  /** API operation, e.g. "BatchCreateAttendee". */
  operation: string;
  /** 1-based: the Nth call of `operation` since arming. */
  occurrence: number;
  when: "before" | "after";
}

export interface KillSwitch {
  url: string;
  /** Kill the process tree of `pid` at `point`. */
  arm(point: KillPoint, pid: number): void;
  /** Pass everything through again. */
  disarm(): void;
  /** Whether the armed point fired, and the write operations forwarded since arming (in arrival order). */
  fired(): boolean;
  /** The pids the kill took down. */
  killed(): number[];
  writesSinceArm(): string[];
  close(): Promise<void>;
}

export async function startKillSwitch(target: string): Promise<KillSwitch> {
  const upstream = new URL(target);
  let armed: { point: KillPoint; pid: number; seen: number } | undefined;
  let fired = false;
  let killed: number[] = [];
  let writes: string[] = [];

  const kill = (pid: number) => {
    fired = true;
    killed = killTree(pid);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (fired) {
        req.socket.destroy();
        return;
      }
      const url = new URL(req.url ?? "/", "http://x");
      const op = matchRoute(req.method ?? "GET", url.pathname, url.searchParams.get("operation") ?? undefined)?.operation ?? "Unknown";
      const isWrite = req.method !== "GET";
      let killAfter = false;
      if (armed && op === armed.point.operation) {
        armed.seen += 1;
        if (armed.seen === armed.point.occurrence) {
          if (armed.point.when === "before") {
            kill(armed.pid);
            req.socket.destroy();
            return;
          }
          killAfter = true;
        }
      }
      if (isWrite && armed) writes.push(op);
      const body = Buffer.concat(chunks);
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (up) => {
          const parts: Buffer[] = [];
          up.on("data", (c: Buffer) => parts.push(c));
          up.on("end", () => {
            if (killAfter) {
              if (armed) kill(armed.pid);
              req.socket.destroy();
              return;
            }
            if (fired) {
              req.socket.destroy();
              return;
            }
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(Buffer.concat(parts));
          });
        },
      );
      // The emulator's own dropped-connection fault: pass the drop through.
      forward.on("error", () => req.socket.destroy());
      forward.end(body);
    });
  });
  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    arm(point, pid) {
      armed = { point, pid, seen: 0 };
      fired = false;
      killed = [];
      writes = [];
    },
    disarm() {
      armed = undefined;
      fired = false;
    },
    fired: () => fired,
    killed: () => [...killed],
    writesSinceArm: () => [...writes],
    close: listener.close,
  };
}
