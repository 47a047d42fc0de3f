import { request } from "node:http";
import type { PresignedRequest } from "./sign";

/** Sends a pre-signed request once over plain node:http (fetch would drop the signed Host header). */
export function send(baseUrl: string, req: PresignedRequest): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const r = request({ host: url.hostname, port: url.port, method: req.method, path: req.pathAndQuery, headers: req.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    r.on("error", reject);
    r.end(req.body === "" ? undefined : req.body);
  });
}
