/**
 * One class per error shape of the Chime SDK Meetings model (docs/API-NOTES.md#wire-protocol-and-errors), plus the gateway-level
 * SigV4 and routing errors. The HTTP layer sends `x-amzn-errortype: <name>` and a body
 * `{ Code, Message, RequestId }`; the SDK names the exception after the header.
 *
 * Body `Code` values follow the legacy namespace's observed style ("NotFound", "ServiceFailure");
 * for the new namespace they are UNCONFIRMED (docs/EMULATOR.md).
 */
import { formatViolation, type Violation } from "../../../chime/violation";

export abstract class ChimeError extends Error {
  abstract readonly status: number;
  /** The broken rules behind a 400, so the HTTP layer can name fields by their wire names. */
  readonly violations: readonly Violation[];
  /** Short code for the body's `Code` member. */
  abstract readonly code: string;
  /** Extra modeled members for the body (e.g. ResourceName). */
  readonly members: Record<string, string> = {};
  /** Extra response headers (e.g. Retry-After). */
  readonly headers: Record<string, string> = {};

  constructor(message: string | readonly Violation[]) {
    super(typeof message === "string" ? message : message.map(formatViolation).join("; "));
    this.violations = typeof message === "string" ? [] : message;
    this.name = new.target.name;
  }
}

export class BadRequestException extends ChimeError {
  readonly status = 400;
  readonly code = "BadRequest";
}

export class ConflictException extends ChimeError {
  readonly status = 409;
  readonly code = "Conflict";
}

export class ForbiddenException extends ChimeError {
  readonly status = 403;
  readonly code = "Forbidden";
}

export class LimitExceededException extends ChimeError {
  readonly status = 400;
  readonly code = "ResourceLimitExceeded";
}

export class NotFoundException extends ChimeError {
  readonly status = 404;
  readonly code = "NotFound";
}

export class ResourceNotFoundException extends ChimeError {
  readonly status = 404;
  readonly code = "NotFound";
  constructor(message: string, resourceName: string) {
    super(message);
    this.members.ResourceName = resourceName;
  }
}

export class ServiceFailureException extends ChimeError {
  readonly status = 500;
  readonly code = "ServiceFailure";
  constructor(message = "Service has experienced an unexpected failure") {
    super(message);
  }
}

export class ServiceUnavailableException extends ChimeError {
  readonly status = 503;
  readonly code = "ServiceUnavailable";
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.headers["retry-after"] = String(retryAfterSeconds);
  }
}

export class ThrottlingException extends ChimeError {
  readonly status = 429;
  readonly code = "Throttling";
  constructor(message = "Rate exceeded") {
    super(message);
  }
}

export class TooManyTagsException extends ChimeError {
  readonly status = 400;
  readonly code = "TooManyTags";
  constructor(message: string, resourceName: string) {
    super(message);
    this.members.ResourceName = resourceName;
  }
}

export class UnauthorizedException extends ChimeError {
  readonly status = 401;
  readonly code = "Unauthorized";
}

export class UnprocessableEntityException extends ChimeError {
  readonly status = 422;
  readonly code = "Unprocessable";
}

/** SigV4 failures (API Gateway style, not in the service model): always 403. */
export class AuthenticationError extends ChimeError {
  readonly status = 403;
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = code;
  }
}

/** A method/path pair that is none of the 16 operations. */
export class UnknownOperationException extends ChimeError {
  readonly status = 404;
  readonly code = "UnknownOperation";
}
