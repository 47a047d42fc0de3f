/**
 * Secret values as the engine sends them to a provider that accepts secrets (the plugin's Configure says so):
 * an object tagged with the secret signature. https://pulumi-developer-docs.readthedocs.io/latest/docs/architecture/providers.html
 */
const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

type Props = Record<string, unknown>;

function isSecret(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as Props)[SIGNATURE_KEY] === SECRET_SIGNATURE;
}

export function secret(value: unknown): Props {
  return { [SIGNATURE_KEY]: SECRET_SIGNATURE, value };
}

function reveal(value: unknown): { value: unknown; secret: boolean } {
  if (isSecret(value)) return { value: reveal(value.value).value, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(reveal);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (typeof value === "object" && value !== null) {
    let anySecret = false;
    const out: Props = {};
    for (const [k, v] of Object.entries(value)) {
      const r = reveal(v);
      out[k] = r.value;
      anySecret ||= r.secret;
    }
    return { value: out, secret: anySecret };
  }
  return { value, secret: false };
}

/** A property map without secret wrappers, and the top-level properties that held a secret anywhere inside. */
export function revealProperties(props: Props | undefined): { plain: Props; secretKeys: Set<string> } {
  const plain: Props = {};
  const secretKeys = new Set<string>();
  for (const [k, v] of Object.entries(props ?? {})) {
    const r = reveal(v);
    plain[k] = r.value;
    if (r.secret) secretKeys.add(k);
  }
  return { plain, secretKeys };
}

/** The property map with the given top-level properties wrapped as secrets (absent ones skipped). */
export function concealProperties(props: object, secretKeys: Iterable<string>): Props {
  const out: Props = { ...props };
  for (const k of secretKeys) if (out[k] !== undefined) out[k] = secret(out[k]);
  return out;
}
