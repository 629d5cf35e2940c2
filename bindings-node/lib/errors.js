'use strict'
// The error hierarchy shared by every language of the SDK, as real classes.
// The native module reports failures as plain records (`className`, `status`,
// `code`, …); `fromNative` picks the class named by core's
// `Error::class_name()` and copies the fields. No field ever holds the API key.

/** Base class of every error the SDK throws. */
class HeadshotProError extends Error {
  constructor(message, fields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause })
    this.status = fields.status
    this.code = fields.code
    this.body = fields.body
    this.operation = fields.operation
    this.retryAfter = fields.retryAfter
    this.resetAt = fields.resetAt
    this.rateLimit = fields.rateLimit
    this.mayHaveReachedServer = fields.mayHaveReachedServer ?? false
  }

  /**
   * The error as the SDK's JSON, the same in every language:
   * `{ type: 'NotFoundError', message, operation, status, code, body, rateLimit,
   * retryAfterMs, mayHaveReachedServer }` (absent fields left out), so
   * `JSON.stringify(err)` logs it as data.
   */
  toJSON() {
    const out = { type: classNameOf(this), message: this.message }
    if (this.operation !== undefined) out.operation = this.operation
    if (this.status !== undefined) out.status = this.status
    if (this.code !== undefined) out.code = this.code
    if (this.body !== undefined) out.body = this.body
    if (this.rateLimit !== undefined) out.rateLimit = this.rateLimit
    if (this.retryAfter !== undefined) out.retryAfterMs = Math.round(this.retryAfter * 1000)
    out.mayHaveReachedServer = this.mayHaveReachedServer
    return out
  }
}

/** The SDK-wide class name of an error (`APIUserAbortError`, whose `name` is `AbortError`). */
function classNameOf(err) {
  for (let proto = Object.getPrototypeOf(err); proto; proto = Object.getPrototypeOf(proto)) {
    if (Object.hasOwn(proto, 'constructor') && classes[proto.constructor.name] === proto.constructor) return proto.constructor.name
  }
  return 'HeadshotProError'
}

/** Rejected locally before anything was sent. */
class InvalidArgumentError extends HeadshotProError {}
/** The server answered with an error. */
class APIError extends HeadshotProError {}
/** 400: INVALID_REQUEST, INVALID_EMAIL, ALREADY_EXISTS, ALREADY_DELETED. */
class BadRequestError extends APIError {}
/** 401: missing or wrong API key. */
class AuthenticationError extends APIError {}
/** 402, or INSUFFICIENT_CREDITS at any status. */
class InsufficientCreditsError extends APIError {}
/** 403, e.g. whitelabel not enabled. */
class PermissionDeniedError extends APIError {}
/** 404. */
class NotFoundError extends APIError {}
/** 429 RATE_LIMIT_EXCEEDED, after the retries: see `retryAfter` and `resetAt`. */
class RateLimitError extends APIError {}
/** 429 INVITE_LIMIT_EXCEEDED: too many pending invites; never retried. */
class InviteLimitError extends APIError {}
/** 5xx. */
class ServerError extends APIError {}
/** No answer: refused, reset, DNS, TLS. */
class APIConnectionError extends HeadshotProError {}
/** An attempt (or `models.wait`) ran out of time. */
class APITimeoutError extends APIConnectionError {}
/** A 2xx whose body is not what the API reference documents. */
class ResponseDecodeError extends HeadshotProError {}
/** A webhook with a bad or missing signature, a stale timestamp or a bad payload. */
class WebhookVerificationError extends HeadshotProError {}
/**
 * The call was cancelled through its `signal`. Its `name` is `'AbortError'`,
 * as for `fetch`, so both `err.name === 'AbortError'` and
 * `err instanceof APIUserAbortError` (as in the OpenAI SDK) work.
 */
class APIUserAbortError extends HeadshotProError {}

const classes = {
  HeadshotProError,
  InvalidArgumentError,
  APIError,
  BadRequestError,
  AuthenticationError,
  InsufficientCreditsError,
  PermissionDeniedError,
  NotFoundError,
  RateLimitError,
  InviteLimitError,
  ServerError,
  APIConnectionError,
  APITimeoutError,
  ResponseDecodeError,
  WebhookVerificationError,
  APIUserAbortError,
}

for (const [name, cls] of Object.entries(classes)) {
  Object.defineProperty(cls.prototype, 'name', {
    value: cls === APIUserAbortError ? 'AbortError' : name,
    writable: true,
    configurable: true,
    enumerable: false,
  })
}

/** Whether a value the native module returned is its error record. */
function isNativeError(value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof value.className === 'string' &&
    typeof value.mayHaveReachedServer === 'boolean'
  )
}

/** The class instance for a native error record. */
function fromNative(record, cause) {
  const Cls = classes[record.className] ?? HeadshotProError
  const rateLimit =
    record.rateLimitLimit !== undefined ||
    record.rateLimitRemaining !== undefined ||
    record.resetAt !== undefined
      ? { limit: record.rateLimitLimit, remaining: record.rateLimitRemaining, resetAt: record.resetAt }
      : undefined
  return new Cls(record.message, {
    status: record.status,
    code: record.code,
    body: record.body,
    operation: record.operation,
    retryAfter: record.retryAfterSec,
    resetAt: record.resetAt,
    rateLimit,
    mayHaveReachedServer: record.mayHaveReachedServer,
    cause,
  })
}

/** An argument the native module could not convert (wrong JS type). */
function argumentError(err) {
  if (err instanceof HeadshotProError) return err
  const message = err && typeof err.message === 'string' ? err.message : String(err)
  return new InvalidArgumentError(message, { cause: err })
}

module.exports = { ...classes, isNativeError, fromNative, argumentError }
