/**
 * Patterns of the service model, as the model spells them (`text`), and the regular expression each is checked
 * with. The service validates with Java regexes against the whole value, so every pattern is anchored, and Java's
 * `\s` (ASCII-only) is spelled out instead of JavaScript's wider `\s`, to never accept more than the service.
 */
const JAVA_SPACE = " \\t\\n\\x0B\\f\\r";

export interface Pattern {
  regex: RegExp;
  /** The pattern as the model (or, for `externalId`, the API reference) documents it; used in messages. */
  text: string;
}

/** The model's pattern text → a JavaScript regex with Java's meaning of `\s`, matched against the whole value. */
export function javaPattern(text: string): RegExp {
  let source = "";
  let inClass = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      const next = text[i + 1];
      source += next === "s" ? (inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`) : c + next;
      i++;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    source += c;
  }
  return new RegExp(`^(?:${source})$`);
}

function pattern(text: string): Pattern {
  return { regex: javaPattern(text), text };
}

export const PATTERNS = {
  guid: pattern("[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}"),
  clientRequestToken: pattern("[-_a-zA-Z0-9]*"),
  /**
   * ExternalMeetingId, ExternalUserId, MeetingHostId: not in the model; from the API reference
   * (https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_meeting-chime_CreateMeeting.html).
   */
  externalId: pattern(`[-_&@+=,(){}\\[\\]\\/«».:|'"#a-zA-Z0-9À-ÿ\\s]*`),
  tenantId: pattern("^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$"),
  // `+-=` is a character range (0x2B–0x3D) in the model's pattern; kept as the service has it.
  tagKey: pattern("^[a-zA-Z+-=._:/]+$"),
  tagValue: pattern("[\\s\\w+-=\\.:/@]*"),
  notificationArn: pattern("^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$"),
  resourceArn: pattern("^arn:.*"),
  transcribeLanguageModelName: pattern("^[0-9a-zA-Z._-]+"),
  transcribeLanguageOptions: pattern("^[a-zA-Z-,]+"),
  transcribePiiEntityTypes: pattern("^[A-Z_, ]+"),
  transcribeNames: pattern("^[a-zA-Z0-9,-._]+"),
} as const;

export type PatternName = keyof typeof PATTERNS;

/** Values beginning with this prefix are reserved by AWS (case-insensitive). */
export const RESERVED_PREFIX = "aws:";

export function hasReservedPrefix(value: string): boolean {
  return value.slice(0, RESERVED_PREFIX.length).toLowerCase() === RESERVED_PREFIX;
}
