// A loopback HTTP pass-through that records the ClientRequestToken of every request whose JSON body carries one
// (CreateMeeting and CreateMeetingWithAttendees are the API's only such operations), before forwarding it. The
// emulator's request log keeps no bodies, so this is how a test sees which token a create sent.
import * as http from "node:http";
import { listenOnLoopback } from "./loopback-listen";

export interface TokenRecorder {
  url: string;
  /** The tokens in arrival order, a request killed before its answer included. */
  tokens(): string[];
  close(): Promise<void>;
}

function tokenOf(body: Buffer): string | undefined {
  try {
    const token = (JSON.parse(body.toString("utf8")) as { ClientRequestToken?: unknown }).ClientRequestToken;
    return typeof token === "string" ? token : undefined;
  } catch {
    return undefined;
  }
}

export async function startTokenRecorder(target: string): Promise<TokenRecorder> {
  const upstream = new URL(target);
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const token = tokenOf(body);
      if (token !== undefined) seen.push(token);
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on("error", () => req.socket.destroy());
      forward.end(body);
    });
  });
  const listener = await listenOnLoopback(server);
  return {
    url: listener.url,
    tokens: () => [...seen],
    close: listener.close,
  };
}
