/** The emulator's well-known default credentials: fine on loopback, an open door on a network. */
const DEFAULT_ACCESS_KEY_ID = "test";
const DEFAULT_SECRET_ACCESS_KEY = "test";

/** A host to bind that only this machine can reach. */
export function isLoopbackBind(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}

export interface BindOptions {
  host: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  allowDefaultCredentials?: boolean;
}

/**
 * Checks a bind before listening. Beyond loopback the API is reachable by other machines, so the default
 * `test`/`test` credentials are refused unless explicitly allowed; the returned warning is to be printed.
 */
export function checkBind(o: BindOptions): string | undefined {
  if (isLoopbackBind(o.host)) return undefined;
  const defaults =
    (o.accessKeyId ?? DEFAULT_ACCESS_KEY_ID) === DEFAULT_ACCESS_KEY_ID &&
    (o.secretAccessKey ?? DEFAULT_SECRET_ACCESS_KEY) === DEFAULT_SECRET_ACCESS_KEY;
  if (defaults && !o.allowDefaultCredentials) {
    throw new RangeError(
      `host: value ${JSON.stringify(o.host)} is not a loopback address, and the default credentials test/test would let anyone ` +
        "who can reach it use the API; set --access-key-id and --secret-access-key (or CHIME_EMULATOR_ACCESS_KEY_ID and " +
        "CHIME_EMULATOR_SECRET_ACCESS_KEY), or pass --allow-default-credentials",
    );
  }
  return (
    `emulator: warning: listening on ${o.host}, which is not a loopback address: the Chime SDK Meetings API is reachable ` +
    `from other machines${defaults ? " with the default credentials test/test" : ""} (the admin API still answers loopback clients only)`
  );
}
