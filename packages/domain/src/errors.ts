/**
 * The one error type of Tessera. Services throw it, the tRPC error formatter maps
 * `code` to an HTTP status and hands `code`, `field` and `details` to clients.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  /** A password a guesser would find (common, patterned, built on the account's name or email). */
  WEAK_PASSWORD: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  /** A wrong, reused or malformed TOTP or recovery code. */
  MFA_CODE_INVALID: 401,
  /** The MFA step of a sign-in that expired, was used, or never existed: sign in again. */
  MFA_CHALLENGE_INVALID: 401,
  /** The user must turn on MFA before anything else (their session may only enrol). */
  MFA_ENROLMENT_REQUIRED: 403,
  FORBIDDEN: 403,
  USER_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLUG_TAKEN: 409,
  EMAIL_TAKEN: 409,
  LAST_OWNER: 409,
  STALE_VERSION: 409,
  LICENSE_INVALID_TRANSITION: 409,
  LICENSE_IN_FORCE: 409,
  LICENSE_REQUIRED: 409,
  TICKET_INVALID_TRANSITION: 409,
  /** A rating for a ticket that is not RESOLVED (not yet, or closed and final). */
  TICKET_NOT_RATABLE: 409,
  TIER_FEATURE_REQUIRED: 403,
  DOMAIN_TAKEN: 409,
  SSO_REQUIRED: 403,
  /** SSO enforcement needs a successful "Test connection" by an owner of exactly these settings. */
  SSO_TEST_REQUIRED: 409,
  /** Staff sign in on Tessera's own address, never on a customer's domain. */
  STAFF_SIGN_IN_ELSEWHERE: 403,
  /** A customer's domain serves only that organisation's portal. */
  SIGN_IN_ELSEWHERE: 403,
  API_ACCESS_DISABLED: 403,
  INTERNAL_NOTE_FORBIDDEN: 403,
  /** A per-organisation cap on stored things (logos, keys, members …) is reached. */
  QUOTA_EXCEEDED: 409,
  /** REST: an `Idempotency-Key` whose first request is still running. */
  IDEMPOTENCY_IN_PROGRESS: 409,
  /** A one-time link (invitation, password reset, unsubscribe) that expired, was used or never existed. */
  LINK_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  /** REST: a body that is not `application/json`. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** REST: an `Idempotency-Key` sent again with a different request. */
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type DomainErrorCode = keyof typeof ERROR_STATUS;

interface DomainErrorDetails {
  /** Dotted path of the input field at fault, e.g. `billingAddress.country`. */
  field?: string;
  /** Seconds after which a rate-limited call may be retried. */
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails;

  constructor(code: DomainErrorCode, message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
