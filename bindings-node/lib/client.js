'use strict'
// The public client: resource namespaces in the Stripe/OpenAI Node style,
// made from the operation table (lib/operations.js). Each method only shapes
// arguments for the native module; all behaviour lives in the Rust core.

const native = require('../native.js')
const { invoke, unwrap } = require('./call.js')
const { InvalidArgumentError } = require('./errors.js')
const { pagePromise } = require('./page.js')
const { OPERATIONS, DEFAULT_WAIT_UNTIL, DEFAULT_WAIT_TIMEOUT_MS } = require('./operations.js')

/** Whether a value is request options only: `{ signal }`. */
function isRequestOptions(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((key) => key === 'signal')
}

/**
 * The call's arguments with request options moved to their place when they
 * stand where optional params were left out (`members.list({ signal })`), as
 * in the OpenAI SDK.
 */
function placeOptions(shapes, optionsAt, args) {
  const last = shapes.length - 1
  if (optionsAt === shapes.length && shapes[last]?.optional && args.length === shapes.length && isRequestOptions(args[last])) {
    return [...args.slice(0, last), undefined, args[last]]
  }
  return args
}

/**
 * A resource object (`client.invites`, …): one method per operation of the
 * table, shaping its arguments for the native client `n`. Each returns a
 * Promise; a list operation returns a PagePromise.
 */
function resource(n, operations) {
  const methods = {}
  for (const [name, spec] of Object.entries(operations)) {
    const { native: method, shapes, present, optionsAt, paged, item } = spec
    const run = async (args) => {
      const nativeArgs = shapes.flatMap((shape, i) => shape(args[i]))
      const result = await invoke(args[optionsAt], (t) => n[method](...nativeArgs, t))
      return present === undefined ? result : present(result)
    }
    // A computed key names the function (`create`) for stack traces.
    methods[name] = paged
      ? {
          [name](...args) {
            const placed = placeOptions(shapes, optionsAt, args)
            return pagePromise(() => run(placed), item, placed[optionsAt])
          },
        }[name]
      : {
          async [name](...args) {
            return run(placeOptions(shapes, optionsAt, args))
          },
        }[name]
  }
  return methods
}

/** `extraRootCertificates` as PEM bytes, or undefined when unset. */
function pemBytes(value) {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return Buffer.from(value, 'utf8')
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
  throw new InvalidArgumentError('extraRootCertificates must be PEM text: a string or a Buffer')
}

/** An optional string setting, checked. */
function optionalString(name, value) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw new InvalidArgumentError(`${name} must be a string, got ${typeof value}`)
  return value
}

/** `maxRequestsPerMinute` checked as a u32 (the core refuses 0), or undefined when unset. */
function perMinute(value) {
  if (value == null) return undefined
  if (!(Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff)) {
    throw new InvalidArgumentError(`maxRequestsPerMinute must be a positive integer, got ${String(value)}`)
  }
  return value
}

/** A native client handed to the constructor by `withOptions` (never exported). */
class Handle {
  constructor(n) {
    this.n = n
  }
}

/**
 * `maxRetries` checked as a u32 (napi would wrap -1 to 4294967295), or
 * undefined when unset.
 */
function retries(maxRetries) {
  if (maxRetries == null) return undefined
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0 && maxRetries <= 0xffff_ffff)) {
    throw new InvalidArgumentError(`maxRetries must be a non-negative integer, got ${String(maxRetries)}`)
  }
  return maxRetries
}

/** The keys `withOptions` accepts. */
const WITH_OPTIONS_KEYS = new Set(['timeoutMs', 'maxRetries'])

/** The `withOptions` argument checked and shaped for the native module. */
function perCallOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgumentError('options must be an object like { timeoutMs, maxRetries }')
  }
  for (const key of Object.keys(options)) {
    if (!WITH_OPTIONS_KEYS.has(key)) {
      throw new InvalidArgumentError(`unknown option ${key}: withOptions takes timeoutMs and maxRetries`)
    }
  }
  const { timeoutMs, maxRetries } = options
  if (timeoutMs != null && typeof timeoutMs !== 'number') {
    throw new InvalidArgumentError(`timeoutMs must be a number, got ${typeof timeoutMs}`)
  }
  return { timeoutMs: timeoutMs ?? undefined, maxRetries: retries(maxRetries) }
}

/**
 * A HeadshotPro API client. The key (`apiKey`, else `HEADSHOTPRO_API_KEY`)
 * stays inside the native module: it is never a property of this object.
 */
class Client {
  #n
  constructor(options = {}) {
    if (options instanceof Handle) {
      this.#n = options.n
    } else {
      if (options === null || typeof options !== 'object') {
        throw new InvalidArgumentError('options must be an object')
      }
      const { apiKey, baseUrl, timeoutMs, connectTimeoutMs, maxRetries, allowInsecureHttp } = options
      const settings = {
        apiKey,
        baseUrl,
        timeoutMs,
        connectTimeoutMs,
        maxRetries: retries(maxRetries),
        allowInsecureHttp,
        proxy: optionalString('proxy', options.proxy),
        extraRootCertificates: pemBytes(options.extraRootCertificates),
        maxRequestsPerMinute: perMinute(options.maxRequestsPerMinute),
      }
      this.#n = unwrap(() => native.createClient(settings))
    }
    // organization, invites, teams, members, models, photos: see index.d.ts.
    for (const [name, operations] of Object.entries(OPERATIONS)) this[name] = resource(this.#n, operations)
  }
  /**
   * A client with another per-attempt `timeoutMs` and/or `maxRetries` (unset
   * ones keep this client's) sharing this client's connection pool; this
   * client is unchanged: `client.withOptions({ timeoutMs: 5000 }).models.retrieve(id)`.
   */
  withOptions(options) {
    const shaped = perCallOptions(options)
    return new Client(new Handle(unwrap(() => this.#n.withOptions(shaped))))
  }
  /** The base URL requests go to. */
  get baseUrl() {
    return this.#n.baseUrl
  }
  /** The user agent sent with every request: `headshotpro-node/<ver> core/<ver>`. */
  get userAgent() {
    return this.#n.userAgent
  }
  /** The per-attempt timeout in milliseconds. */
  get timeoutMs() {
    return this.#n.timeoutMs
  }
  /** The retries made after a failed attempt. */
  get maxRetries() {
    return this.#n.maxRetries
  }
  /** The local cap on requests per minute, or null when none was set. */
  get maxRequestsPerMinute() {
    return this.#n.maxRequestsPerMinute ?? null
  }
  /**
   * The `X-RateLimit-*` headers (`limit`, `remaining`, `resetAt`) of the last
   * answer that carried them, shared with the clients `withOptions` makes;
   * null before any.
   */
  get lastRateLimit() {
    return this.#n.lastRateLimit ?? null
  }
}

module.exports = { Client, DEFAULT_WAIT_UNTIL, DEFAULT_WAIT_TIMEOUT_MS }
