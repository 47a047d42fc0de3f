import type { IncomingMessage } from "node:http";

/** Largest admin request body: the biggest one (a fault configuration of 100 rules) is a few KiB. */
export const MAX_ADMIN_BODY_BYTES = 64 * 1024;

const MUTATING = new Set(["POST", "PUT", "DELETE", "PATCH"]);

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address.startsWith("127.") || address === "::1" || address.startsWith("::ffff:127."));
}

const LOOPBACK_IPV4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** A loopback host name or address as it appears in a Host header (without the port). */
function isLoopbackHostName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === "localhost" || lower === "[::1]") return true;
  const v4 = LOOPBACK_IPV4.exec(lower);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
}

function splitHost(host: string): { name: string; port: number } | undefined {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.trim());
  if (!m) return undefined;
  return { name: m[1], port: m[2] === undefined ? 80 : Number(m[2]) };
}

/**
 * Why this admin request must be refused, or undefined. The peer address alone does not protect a loopback
 * service from the user's own browser: any page can POST a `text/plain` body without a preflight, and DNS
 * rebinding makes a foreign name resolve to 127.0.0.1. So the Host must be a loopback name with this port,
 * a request with an Origin (browsers send one on cross-site and on all non-GET requests) is refused, and a
 * mutating call must say `Content-Type: application/json`, which no page can send cross-origin without a
 * preflight that this API never answers.
 */
export function adminRefusal(req: IncomingMessage, port: number | undefined): string | undefined {
  if (!isLoopback(req.socket.remoteAddress)) return "the admin API only answers loopback clients";
  const host = req.headers.host;
  const parsed = host === undefined ? undefined : splitHost(host);
  if (!parsed || !isLoopbackHostName(parsed.name) || parsed.port !== port) {
    return `the admin API only answers requests for a loopback host with port ${port} (Host: ${JSON.stringify(host ?? "")?.slice(0, 80)})`;
  }
  if (req.headers.origin !== undefined) return "the admin API refuses requests that carry an Origin header (browser pages)";
  if (MUTATING.has(req.method ?? "GET")) {
    const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "application/json") return `${req.method} to the admin API requires Content-Type: application/json`;
  }
  return undefined;
}
