/**
 * The canonical forms of SigV4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html):
 * URI, query string and header values, rebuilt from the request exactly as it arrived on the wire.
 *
 * Canonical URI: both real clients (JS SDK v3 `SignatureV4.getCanonicalPath`, botocore `SigV4Auth._normalize_url_path`)
 * remove dot segments and empty segments from the path *as sent on the wire* and then percent-encode it once more
 * ("double encoding" for non-S3 services). The server therefore re-encodes the raw path it received.
 */

export type HeaderBag = Record<string, string | string[] | undefined>;

const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
const CANONICAL_PATH = /^(?:\/[A-Za-z0-9\-_~][A-Za-z0-9\-_.~]*)*\/?$/;

/** Removes "." / ".." / empty segments and encodes the already-encoded wire path once more, keeping "/". */
export function canonicalUri(rawPath: string): string {
  // Already canonical: no empty, "." or ".." segment and nothing to encode (every API path with GUID labels).
  if (rawPath !== "" && CANONICAL_PATH.test(rawPath)) return rawPath;
  const segments: string[] = [];
  for (const segment of rawPath.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(UNRESERVED.test(segment) ? segment : uriEncode(segment));
  }
  const trailing = segments.length > 0 && rawPath.endsWith("/") ? "/" : "";
  return `/${segments.join("/")}${trailing}`;
}

/** Sorted by encoded key, then encoded value; every key and value decoded from the wire and re-encoded strictly. */
export function canonicalQuery(pairs: [string, string][]): string {
  return pairs
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .sort((a, b) => {
      const ka = a.slice(0, a.indexOf("="));
      const kb = b.slice(0, b.indexOf("="));
      if (ka !== kb) return ka < kb ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    })
    .join("&");
}

export function parseQuery(rawQuery: string): [string, string][] {
  if (rawQuery === "") return [];
  return rawQuery
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      return eq < 0 ? [decode(pair), ""] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component; // malformed escapes are signed as sent; the signature then decides
  }
}

/** RFC 3986 encoding: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded (UTF-8). */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function headerValue(headers: HeaderBag, lowerName: string): string | undefined {
  let value = headers[lowerName];
  if (value === undefined) {
    for (const key of Object.keys(headers)) {
      if (key.length === lowerName.length && key.toLowerCase() === lowerName) {
        value = headers[key];
        break;
      }
    }
  }
  return Array.isArray(value) ? value.join(",") : value;
}

export function canonicalHeaderValue(headers: HeaderBag, lowerName: string): string {
  const value = headers[lowerName] ?? headerValue(headers, lowerName);
  if (value === undefined) return "";
  if (!Array.isArray(value)) return trimAll(value);
  return value.map(trimAll).join(",");
}

/** SigV4 "Trimall": trim, and collapse inner runs of whitespace to one space. */
function trimAll(value: string): string {
  const trimmed = value.trim();
  return /\s\s|[\t\r\n]/.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}
