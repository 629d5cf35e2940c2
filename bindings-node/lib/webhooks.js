'use strict'
// Webhook helpers: accept what Node servers have at hand (a string or
// Buffer body, `req.headers` as is) and hand raw bytes to the core.

const native = require('../native.js')
const { unwrap } = require('./call.js')
const { str } = require('./shape.js')
const { InvalidArgumentError } = require('./errors.js')

/** The raw body as a Buffer, exactly as received. */
function rawBytes(raw) {
  if (typeof raw === 'string') return Buffer.from(raw, 'utf8')
  if (Buffer.isBuffer(raw)) return raw
  if (raw instanceof Uint8Array) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
  if (raw instanceof ArrayBuffer) return Buffer.from(raw)
  throw new InvalidArgumentError(
    'the webhook body must be the raw request body (string, Buffer or Uint8Array), not parsed JSON',
  )
}

/**
 * Header pairs from Node's `req.headers` (string | string[] values; several
 * values are joined with ", " as HTTP does), a fetch `Headers`, a `Map`, or
 * an array of [name, value] pairs.
 */
function headerEntries(headers) {
  if (headers === null || typeof headers !== 'object') {
    throw new InvalidArgumentError('headers must be an object such as req.headers')
  }
  const pairs =
    typeof headers[Symbol.iterator] === 'function' ? Array.from(headers) : Object.entries(headers)
  const entries = []
  for (const pair of pairs) {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new InvalidArgumentError('headers must map names to values')
    }
    const [name, value] = pair
    if (value === undefined || value === null) continue
    entries.push({ name: String(name), value: Array.isArray(value) ? value.join(', ') : String(value) })
  }
  return entries
}

/** Parses a webhook payload strictly. Does not check any signature. */
function parseWebhook(raw) {
  const bytes = rawBytes(raw)
  return wire(unwrap(() => native.parseWebhook(bytes)))
}

/** `JSON.stringify` of the event's model gives its wire form, where `id` is `_id`. */
function objectToJSON() {
  const { id, ...rest } = this
  return { _id: id, ...rest }
}

/** An event whose JSON is the payload's form. */
function wire(event) {
  if (event.object) Object.defineProperty(event.object, 'toJSON', { value: objectToJSON, enumerable: false })
  return event
}

/**
 * Checks the signature (constant time) and timestamp age (`toleranceSec`,
 * default 300), then parses. Throws WebhookVerificationError on a forgery.
 */
function verifyWebhook(raw, headers, secret, options = {}) {
  const bytes = rawBytes(raw)
  const entries = headerEntries(headers)
  const key = str('secret', secret)
  const toleranceSec = options?.toleranceSec
  if (toleranceSec !== undefined && typeof toleranceSec !== 'number') {
    throw new InvalidArgumentError('toleranceSec must be a number of seconds')
  }
  return wire(unwrap(() => native.verifyWebhook(bytes, entries, key, toleranceSec)))
}

/**
 * The `X-HeadshotPro-Signature` value (`sha256=<hex>`) for a body signed at
 * `timestamp` (unix seconds or a Date; default now), to test your endpoint.
 */
function signWebhook(raw, secret, timestamp = new Date()) {
  const bytes = rawBytes(raw)
  const key = str('secret', secret)
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp
  if (!Number.isSafeInteger(seconds)) {
    throw new InvalidArgumentError('timestamp must be whole unix seconds or a Date')
  }
  return unwrap(() => native.signWebhook(bytes, key, seconds))
}

module.exports = {
  parseWebhook,
  verifyWebhook,
  signWebhook,
  SIGNATURE_HEADER: native.SIGNATURE_HEADER,
  TIMESTAMP_HEADER: native.TIMESTAMP_HEADER,
}
