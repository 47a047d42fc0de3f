/**
 * Patterns of the service model. Java's `\s` (the service validates with Java regexes) is ASCII-only,
 * so it is spelled out instead of using JavaScript's wider `\s`, to never accept more than the service.
 */
const JAVA_SPACE = " \\t\\n\\x0B\\f\\r";

interface Pattern {
  regex: RegExp;
  /** The pattern as documented, used in messages. */
  text: string;
}

function pattern(source: string, text: string): Pattern {
  return { regex: new RegExp(source), text };
}

export const PATTERNS = {
  guid: pattern("^[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}$", "[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}"),
  clientRequestToken: pattern("^[-_a-zA-Z0-9]*$", "[-_a-zA-Z0-9]*"),
  externalId: pattern(
    `^[-_&@+=,(){}\\[\\]\\/«».:|'"#a-zA-Z0-9À-ÿ${JAVA_SPACE}]*$`,
    `[-_&@+=,(){}\\[\\]\\/«».:|'"#a-zA-Z0-9À-ÿ\\s]*`,
  ),
  tenantId: pattern("^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$", "^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$"),
  // `+-=` is a character range (0x2B–0x3D) in the model's pattern; kept as the service has it.
  tagKey: pattern("^[a-zA-Z+-=._:/]+$", "^[a-zA-Z+-=._:/]+$"),
  tagValue: pattern(`^[${JAVA_SPACE}\\w+-=.:/@]*$`, "[\\s\\w+-=\\.:/@]*"),
  notificationArn: pattern("^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$", "^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$"),
  resourceArn: pattern("^arn:", "^arn:.*"),
  transcribeLanguageModelName: pattern("^[0-9a-zA-Z._-]+$", "^[0-9a-zA-Z._-]+$"),
  transcribeLanguageOptions: pattern("^[a-zA-Z-,]+$", "^[a-zA-Z-,]+$"),
  transcribePiiEntityTypes: pattern("^[A-Z_, ]+$", "^[A-Z_, ]+$"),
  transcribeNames: pattern("^[a-zA-Z0-9,-._]+", "^[a-zA-Z0-9,-._]+"),
} as const;

/** Values beginning with this prefix are reserved by AWS (case-insensitive). */
export const RESERVED_PREFIX = "aws:";

export function hasReservedPrefix(value: string): boolean {
  return value.slice(0, RESERVED_PREFIX.length).toLowerCase() === RESERVED_PREFIX;
}
