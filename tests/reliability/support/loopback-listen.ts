import type * as http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface LoopbackListener {
  url: string;
  /** Destroys the open connections first, so a kept-alive client cannot hold the server open. */
  close: () => Promise<void>;
}

/** Starts `server` on a free port of 127.0.0.1 and keeps track of its connections for close(). */
export async function listenOnLoopback(server: http.Server): Promise<LoopbackListener> {
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
