/**
 * AWS Signature Version 4 verification for the emulator, written from the public SigV4 specification
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html); canonical forms in canonical.ts.
 */
import * as crypto from "node:crypto";
import { createHash, createHmac } from "node:crypto";
import { canonicalHeaderValue, canonicalQuery, canonicalUri, headerValue, parseQuery, type HeaderBag } from "./canonical";

export { canonicalQuery, canonicalUri } from "./canonical";

const SIGNING_SERVICE = "chime";
const ALGORITHM = "AWS4-HMAC-SHA256";
const TERMINATOR = "aws4_request";
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGNED_EXPIRES_SECONDS = 7 * 24 * 60 * 60;
const SIGNING_KEY_CACHE_LIMIT = 256;
const LONG_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** The shape every SDK writes; anything else goes through the general parser. */
const AUTHORIZATION_FAST = /^AWS4-HMAC-SHA256 Credential=([^,\s]+), ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]+)$/;

export interface SigV4Request {
  method: string;
  /** Raw path as received (still percent-encoded), without the query. */
  path: string;
  /** Raw query string as received, without the leading "?". */
  rawQuery: string;
  headers: HeaderBag;
  body: Buffer;
}

export type SigV4ErrorCode =
  "MissingAuthenticationTokenException" | "UnrecognizedClientException" | "InvalidSignatureException" | "ForbiddenException";

export type SigV4Failure = { ok: false; status: 403; code: SigV4ErrorCode; message: string };
export type SigV4Result = { ok: true; accessKeyId: string; region: string } | SigV4Failure;

/** What the client claims: parsed from the Authorization header or from presigned query parameters. */
interface Claim {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
  /** ISO-8601 basic date used in the string to sign, e.g. 20251125T204500Z (its format is checked with the scope). */
  longDate: string;
  expiresSeconds?: number;
  presigned: boolean;
}

const fail = (code: SigV4ErrorCode, message: string): SigV4Failure => ({ ok: false, status: 403, code, message });

export function verifySigV4(
  req: SigV4Request,
  credentials: ReadonlyMap<string, string>,
  now: Date,
  /** The signing name the credential scope must carry (e.g. "ssm" for the emulator's SSM subset). */
  service: string = SIGNING_SERVICE,
): SigV4Result {
  const checked = checkClaim(req, credentials, now, service);
  if ("ok" in checked) return checked;
  const payloadHash = resolvePayloadHash(req);
  if (typeof payloadHash !== "string") return payloadHash;
  return (
    checkSignature(req, checked, payloadHash, service) ?? { ok: true, accessKeyId: checked.claim.accessKeyId, region: checked.claim.region }
  );
}

/**
 * What can be verified from the request line and headers alone, before a body is read: the claim, key, scope,
 * time and signed headers, and — when the client declares the payload hash in `x-amz-content-sha256` — the
 * signature itself. A request that fails here is answered without buffering its body.
 */
export function verifySigV4BeforeBody(
  req: Omit<SigV4Request, "body">,
  credentials: ReadonlyMap<string, string>,
  now: Date,
  service: string = SIGNING_SERVICE,
): SigV4Failure | undefined {
  const checked = checkClaim(req, credentials, now, service);
  if ("ok" in checked) return checked;
  const declared = headerValue(req.headers, "x-amz-content-sha256")?.trim();
  if (declared === UNSIGNED_PAYLOAD) return unsignedPayload();
  if (declared === undefined || !HEX_SHA256.test(declared)) return undefined;
  return checkSignature(req, checked, declared, service);
}

interface CheckedClaim {
  claim: Claim;
  query: [string, string][];
  secret: string;
}

function checkClaim(
  req: Omit<SigV4Request, "body">,
  credentials: ReadonlyMap<string, string>,
  now: Date,
  service: string,
): CheckedClaim | SigV4Failure {
  const query = parseQuery(req.rawQuery);
  const authorization = headerValue(req.headers, "authorization");
  let claim: Claim | SigV4Failure;
  if (authorization !== undefined) claim = parseAuthorizationHeader(authorization, req.headers, service);
  else if (query.some(([k]) => k === "X-Amz-Algorithm")) claim = parsePresignedQuery(query, service);
  else return fail("MissingAuthenticationTokenException", "Missing Authentication Token");
  if ("ok" in claim) return claim;

  const secret = credentials.get(claim.accessKeyId);
  if (secret === undefined) {
    return fail("UnrecognizedClientException", "The security token included in the request is invalid.");
  }
  return checkScope(claim, service) ?? checkTime(claim, now) ?? checkSignedHeaders(claim) ?? { claim, query, secret };
}

function checkSignature(
  req: Omit<SigV4Request, "body">,
  { claim, query, secret }: CheckedClaim,
  payloadHash: string,
  service: string,
): SigV4Failure | undefined {
  const longDate = claim.longDate;
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(req.path),
    canonicalQuery(claim.presigned ? query.filter(([k]) => k !== "X-Amz-Signature") : query),
    claim.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(req.headers, name)}\n`).join(""),
    claim.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const scope = `${claim.scopeDate}/${claim.region}/${claim.service}/${claim.terminator}`;
  const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  const expected = createHmac("sha256", signingKey(secret, claim.scopeDate, claim.region, service))
    .update(stringToSign, "utf8")
    .digest("hex");
  // Exact comparison: the signature is lower-case hex, as SigV4 defines it; an upper-case one is not accepted.
  if (!sameHex(expected, claim.signature)) {
    return fail(
      "InvalidSignatureException",
      "The request signature we calculated does not match the signature you provided. " +
        "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n" +
        `The Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
        `The String-to-Sign should have been\n'${stringToSign}'\n`,
    );
  }
  return undefined;
}

function parseAuthorizationHeader(authorization: string, headers: SigV4Request["headers"], service: string): Claim | SigV4Failure {
  const longDate = requestLongDate(headers);
  const fast = AUTHORIZATION_FAST.exec(authorization);
  if (fast && longDate !== undefined) return buildClaim(fast[1], fast[2], fast[3], longDate, false, service);
  const trimmed = authorization.trim();
  const space = trimmed.indexOf(" ");
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) {
    return fail("ForbiddenException", `Unsupported Authorization Type: ${JSON.stringify(algorithm)}; only ${ALGORITHM} is accepted.`);
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!credential || !signedHeaders || !signature) {
    const missing = [
      ["Credential", credential],
      ["SignedHeaders", signedHeaders],
      ["Signature", signature],
    ].filter(([, v]) => !v);
    return fail("ForbiddenException", missing.map(([name]) => `Authorization header requires '${name}' parameter.`).join(" "));
  }
  if (longDate === undefined) {
    return fail("ForbiddenException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  return buildClaim(credential, signedHeaders, signature, longDate, false, service);
}

function requestLongDate(headers: SigV4Request["headers"]): string | undefined {
  const amzDate = headerValue(headers, "x-amz-date");
  if (amzDate !== undefined) return amzDate.trim();
  const httpDate = headerValue(headers, "date");
  return httpDate === undefined ? undefined : toLongDate(httpDate);
}

function parsePresignedQuery(query: [string, string][], service: string): Claim | SigV4Failure {
  const get = (name: string): string | undefined => query.find(([k]) => k === name)?.[1];
  const algorithm = get("X-Amz-Algorithm");
  if (algorithm !== ALGORITHM) {
    return fail("ForbiddenException", `X-Amz-Algorithm only supports "${ALGORITHM}", not ${JSON.stringify(algorithm)}.`);
  }
  const credential = get("X-Amz-Credential");
  const signedHeaders = get("X-Amz-SignedHeaders");
  const signature = get("X-Amz-Signature");
  const longDate = get("X-Amz-Date");
  const expiresText = get("X-Amz-Expires");
  if (!credential || !signedHeaders || !signature || !longDate || !expiresText) {
    const given: [string, string | undefined][] = [
      ["X-Amz-Credential", credential],
      ["X-Amz-SignedHeaders", signedHeaders],
      ["X-Amz-Signature", signature],
      ["X-Amz-Date", longDate],
      ["X-Amz-Expires", expiresText],
    ];
    const missing = given.filter(([, v]) => !v).map(([name]) => `AWS query-string parameters must include '${name}'.`);
    return fail("ForbiddenException", missing.join(" "));
  }
  const expires = Number(expiresText);
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_EXPIRES_SECONDS) {
    return fail(
      "ForbiddenException",
      `X-Amz-Expires must be an integer from 1 to ${MAX_PRESIGNED_EXPIRES_SECONDS} seconds, not ${JSON.stringify(expiresText)}.`,
    );
  }
  const claim = buildClaim(credential, signedHeaders, signature, longDate, true, service);
  if ("ok" in claim) return claim;
  return { ...claim, expiresSeconds: expires };
}

interface CredentialScope {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
}

function buildClaim(
  credential: string,
  signedHeaders: string,
  signature: string,
  longDate: string,
  presigned: boolean,
  service: string,
): Claim | SigV4Failure {
  const scope = credentialScopes.get(credential, parseCredential);
  if (scope === undefined) {
    return fail(
      "ForbiddenException",
      `Credential must have the form <access key id>/<date>/<region>/${service}/${TERMINATOR}, not ${JSON.stringify(credential)}.`,
    );
  }
  return {
    accessKeyId: scope.accessKeyId,
    scopeDate: scope.scopeDate,
    region: scope.region,
    service: scope.service,
    terminator: scope.terminator,
    longDate,
    presigned,
    signedHeaders: signedHeaderLists.get(signedHeaders, parseSignedHeaders),
    signature,
  };
}

function parseSignedHeaders(list: string): string[] {
  return list.split(";").map((h) => h.trim().toLowerCase());
}

function parseCredential(credential: string): CredentialScope | undefined {
  const parts = credential.split("/");
  if (parts.length !== 5 || parts.some((p) => p.length === 0)) return undefined;
  const [accessKeyId, scopeDate, region, service, terminator] = parts;
  return { accessKeyId, scopeDate, region, service, terminator };
}

/**
 * A small bounded memo. Every request of a client in the same day repeats its credential scope and signed-header
 * list, and every request in the same second repeats its X-Amz-Date, so parsing them once saves work under load.
 */
class BoundedMemo<V> {
  /** Boxed, so that a computed `undefined` is remembered too. */
  private readonly values = new Map<string, { value: V }>();
  constructor(private readonly limit: number) {}
  get(key: string, compute: (key: string) => V): V {
    const known = this.values.get(key);
    if (known) return known.value;
    const value = compute(key);
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, { value });
    return value;
  }
}

const credentialScopes = new BoundedMemo<CredentialScope | undefined>(256);
const signedHeaderLists = new BoundedMemo<string[]>(256);
const longDates = new BoundedMemo<number>(64);

function checkScope(claim: Claim, service: string): SigV4Failure | undefined {
  if (claim.longDate.length !== 16 || !LONG_DATE.test(claim.longDate)) {
    return fail(
      "ForbiddenException",
      `Date must be in ISO-8601 basic format (YYYYMMDD'T'HHMMSS'Z'), not ${JSON.stringify(claim.longDate)}.`,
    );
  }
  const dateOnly = claim.longDate.slice(0, 8);
  if (claim.scopeDate !== dateOnly) {
    return fail(
      "InvalidSignatureException",
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${claim.scopeDate}' != '${dateOnly}', from '${claim.longDate}'.`,
    );
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(claim.region)) {
    return fail("InvalidSignatureException", `Credential should be scoped to a valid region, not '${claim.region}'.`);
  }
  if (claim.service !== service) {
    return fail("InvalidSignatureException", `Credential should be scoped to correct service: '${service}'.`);
  }
  if (claim.terminator !== TERMINATOR) {
    return fail(
      "InvalidSignatureException",
      `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${claim.terminator}'.`,
    );
  }
  return undefined;
}

function checkTime(claim: Claim, now: Date): SigV4Failure | undefined {
  const signedAt = parseLongDate(claim.longDate);
  const nowMs = now.getTime();
  if (claim.presigned) {
    if (signedAt > nowMs + MAX_SKEW_MS) {
      return fail("ForbiddenException", `Request is not yet valid: signed at ${claim.longDate}, now ${formatLongDate(nowMs)}.`);
    }
    if (nowMs > signedAt + (claim.expiresSeconds ?? 0) * 1000) return fail("ForbiddenException", "Request has expired");
    return undefined;
  }
  if (signedAt < nowMs - MAX_SKEW_MS) {
    return fail(
      "InvalidSignatureException",
      `Signature expired: ${claim.longDate} is now earlier than ${formatLongDate(nowMs - MAX_SKEW_MS)} (${formatLongDate(nowMs)} - 15 min.)`,
    );
  }
  if (signedAt > nowMs + MAX_SKEW_MS) {
    return fail(
      "InvalidSignatureException",
      `Signature not yet current: ${claim.longDate} is still later than ${formatLongDate(nowMs + MAX_SKEW_MS)} (${formatLongDate(nowMs)} + 15 min.)`,
    );
  }
  return undefined;
}

function checkSignedHeaders(claim: Claim): SigV4Failure | undefined {
  if (!claim.signedHeaders.includes("host")) {
    return fail("ForbiddenException", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return undefined;
}

function resolvePayloadHash(req: SigV4Request): string | SigV4Failure {
  const declared = headerValue(req.headers, "x-amz-content-sha256")?.trim();
  if (declared === UNSIGNED_PAYLOAD) return unsignedPayload();
  const actual = req.body.length === 0 ? EMPTY_SHA256 : sha256Hex(req.body);
  if (declared !== undefined && declared !== actual) {
    const why = HEX_SHA256.test(declared) ? "does not match what was computed" : "is not a lower-case hex SHA-256 digest";
    return fail("InvalidSignatureException", `The provided 'x-amz-content-sha256' header ${why}.`);
  }
  return actual;
}

/**
 * UNSIGNED-PAYLOAD is an S3 feature; for this service it would let anyone holding a signature for one request
 * send any body with it, so the payload is always hashed into the signature.
 */
function unsignedPayload(): SigV4Failure {
  return fail(
    "InvalidSignatureException",
    "The 'x-amz-content-sha256' value UNSIGNED-PAYLOAD is not accepted by this service: sign the payload.",
  );
}

const signingKeys = new Map<string, Buffer>();

/** Derived keys change once a day per region, so a small cache removes four HMACs from every request. */
function signingKey(secret: string, scopeDate: string, region: string, service: string): Buffer {
  const cacheKey = `${scopeDate}\n${region}\n${service}\n${secret}`;
  const cached = signingKeys.get(cacheKey);
  if (cached) return cached;
  const kDate = createHmac("sha256", `AWS4${secret}`).update(scopeDate).digest();
  const kRegion = createHmac("sha256", kDate).update(region).digest();
  const kService = createHmac("sha256", kRegion).update(service).digest();
  const key = createHmac("sha256", kService).update(TERMINATOR).digest();
  if (signingKeys.size >= SIGNING_KEY_CACHE_LIMIT) signingKeys.clear();
  signingKeys.set(cacheKey, key);
  return key;
}

/** Constant-time for equal lengths, without allocating Buffers on every request. */
function sameHex(expected: string, provided: string): boolean {
  if (provided.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i += 1) diff |= expected.charCodeAt(i) ^ provided.charCodeAt(i);
  return diff === 0;
}

// crypto.hash (Node >= 20.12) is a one-shot digest, about twice as fast as createHash for small inputs; older
// Node versions lack it even though the type declarations name it.
const oneShotHash: typeof crypto.hash | undefined = "hash" in crypto && typeof crypto.hash === "function" ? crypto.hash : undefined;

function sha256Hex(data: string | Buffer): string {
  return oneShotHash ? oneShotHash("sha256", data, "hex") : createHash("sha256").update(data).digest("hex");
}

function parseLongDate(longDate: string): number {
  return longDates.get(longDate, longDateToMs);
}

function longDateToMs(longDate: string): number {
  const m = LONG_DATE.exec(longDate);
  // Only dates that passed the scope check are parsed; anything else is no time at all.
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function formatLongDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

function toLongDate(httpDate: string): string | undefined {
  const ms = Date.parse(httpDate);
  return Number.isNaN(ms) ? undefined : formatLongDate(ms);
}
