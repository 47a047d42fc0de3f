import { SignatureV4 } from "@smithy/signature-v4";
import { NodeSha256 } from "../../tests/support/node-sha256";
import type { HttpRequest } from "@smithy/types";

export interface PresignedRequest {
  method: string;
  /** Path plus query exactly as it goes on the wire. */
  pathAndQuery: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Signs one request with the real SDK signer so a load generator can replay it verbatim. Replays stay valid for the
 * SigV4 clock-skew window (15 minutes), so sign right before each run. content-length is left unsigned because the
 * load generator writes it itself.
 */
export async function presign(
  endpoint: string,
  method: string,
  path: string,
  query: Record<string, string>,
  body: string,
  creds = { accessKeyId: "test", secretAccessKey: "test" },
): Promise<PresignedRequest> {
  const url = new URL(endpoint);
  const headers: Record<string, string> = { host: url.host };
  if (body !== "") headers["content-type"] = "application/json";
  const request: HttpRequest = {
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query,
    headers,
    body: body === "" ? undefined : body,
  };
  const signer = new SignatureV4({ service: "chime", region: "us-east-1", credentials: creds, sha256: NodeSha256, applyChecksum: false });
  const signed = await signer.sign(request);
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  return { method, pathAndQuery: qs === "" ? path : `${path}?${qs}`, headers: signed.headers, body };
}
