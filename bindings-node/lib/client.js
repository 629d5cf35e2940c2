'use strict'
// The public client: resource namespaces in the Stripe/OpenAI Node style,
// made from the operation table (lib/operations.js). Each method only shapes
// arguments for the native module; all behaviour lives in the Rust core.

const native = require('../native.js')
const { APIPromise } = require('./api-promise.js')
const { invoke, unwrap } = require('./call.js')
const { InvalidArgumentError } = require('./errors.js')
const { pagePromise } = require('./page.js')
const { logLevelOption, logBridge, Listeners } = require('./observe.js')
const { OPERATIONS, DEFAULT_WAIT_UNTIL, DEFAULT_WAIT_TIMEOUT_MS } = require('./operations.js')
const { rawRequest } = require('./raw.js')

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
 * Runs `call(target)` on the native client `n`, or on a capturing child of
 * it when `capture` is set: `{ data, response }` (the answer's facts, or
 * undefined when not captured).
 */
async function captured(n, capture, call) {
  const target = capture ? n.capturing() : n
  const data = await call(target)
  return { data, response: capture ? target.takeResponse() : undefined }
}

/**
 * A resource object (`client.invites`, …): one method per operation of the
 * table, shaping its arguments for the native client `n`. Each returns an
 * APIPromise (with `.withResponse()`); a list operation a PagePromise.
 */
function resource(n, operations) {
  const methods = {}
  for (const [name, spec] of Object.entries(operations)) {
    const { native: method, shapes, present, optionsAt, paged, item } = spec
    const run = (args, capture) =>
      captured(n, capture, async (target) => {
        const nativeArgs = shapes.flatMap((shape, i) => shape(args[i]))
        const result = await invoke(args[optionsAt], (t) => target[method](...nativeArgs, t))
        return present === undefined ? result : present(result)
      })
    // A computed key names the function (`create`) for stack traces.
    methods[name] = paged
      ? {
          [name](...args) {
            const placed = placeOptions(shapes, optionsAt, args)
            return pagePromise((capture) => run(placed, capture), item, placed[optionsAt])
          },
        }[name]
      : {
          [name](...args) {
            return new APIPromise((capture) => run(placeOptions(shapes, optionsAt, args), capture))
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

/**
 * A native client handed to the constructor by `withOptions` (never
 * exported), with the listeners it shares.
 */
class Handle {
  constructor(n, listeners) {
    this.n = n
    this.listeners = listeners
  }
}

/**
 * Headers as native pairs, or undefined when unset: an object of name →
 * string value (the core checks names and values).
 */
function headerPairs(name, value) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(`${name} must be an object of header name to string value`)
  }
  return Object.entries(value).map(([header, v]) => {
    if (typeof v !== 'string') throw new InvalidArgumentError(`${name}: the value of ${header} must be a string, got ${typeof v}`)
    return { name: header, value: v }
  })
}

/** `appInfo` checked: `{ name, version?, url? }`, or undefined when unset. */
function appInfoOption(value) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError('appInfo must be an object like { name, version, url }')
  }
  for (const key of Object.keys(value)) {
    if (!['name', 'version', 'url'].includes(key)) throw new InvalidArgumentError(`unknown appInfo field ${key}: expected name, version, url`)
  }
  return {
    name: optionalString('appInfo.name', value.name) ?? '',
    version: optionalString('appInfo.version', value.version),
    url: optionalString('appInfo.url', value.url),
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
const WITH_OPTIONS_KEYS = new Set(['timeoutMs', 'maxRetries', 'headers'])

/** The `withOptions` argument checked and shaped for the native module. */
function perCallOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgumentError('options must be an object like { timeoutMs, maxRetries, headers }')
  }
  for (const key of Object.keys(options)) {
    if (!WITH_OPTIONS_KEYS.has(key)) {
      throw new InvalidArgumentError(`unknown option ${key}: withOptions takes timeoutMs, maxRetries and headers`)
    }
  }
  const { timeoutMs, maxRetries } = options
  if (timeoutMs != null && typeof timeoutMs !== 'number') {
    throw new InvalidArgumentError(`timeoutMs must be a number, got ${typeof timeoutMs}`)
  }
  return { timeoutMs: timeoutMs ?? undefined, maxRetries: retries(maxRetries), headers: headerPairs('headers', options.headers) }
}

/**
 * A HeadshotPro API client. The key (`apiKey`, else `HEADSHOTPRO_API_KEY`)
 * stays inside the native module: it is never a property of this object.
 */
class Client {
  #n
  #listeners
  constructor(options = {}) {
    if (options instanceof Handle) {
      this.#n = options.n
      this.#listeners = options.listeners
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
        defaultHeaders: headerPairs('defaultHeaders', options.defaultHeaders),
        appInfo: appInfoOption(options.appInfo),
        logLevel: logLevelOption(options.logLevel),
        logger: logBridge(options.logger),
      }
      const listeners = new Listeners(options.logger ?? undefined)
      settings.hooks = listeners.dispatcher()
      this.#n = unwrap(() => native.createClient(settings))
      listeners.attach(this.#n)
      this.#listeners = listeners
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
    return new Client(new Handle(unwrap(() => this.#n.withOptions(shaped)), this.#listeners))
  }
  /**
   * Calls `listener` with each attempt's event: `request` before it is sent
   * (`{ operation, method, path, attempt }`), `response` once it ended
   * (also `status`, `durationMs`, `error`, `rateLimitRemaining`,
   * `willRetry`). Shared with the clients `withOptions` makes. A listener
   * that throws is logged and never breaks the call. Returns this client.
   */
  on(event, listener) {
    this.#listeners.add(event, listener)
    return this
  }
  /** Removes a listener added with `on` or `once`. Returns this client. */
  off(event, listener) {
    this.#listeners.remove(event, listener)
    return this
  }
  /** Calls `listener` with the next event of that name only. Returns this client. */
  once(event, listener) {
    const listeners = this.#listeners
    const wrapped = (e) => {
      listeners.remove(event, wrapped)
      return listener(e)
    }
    listeners.add(event, wrapped)
    return this
  }
  /**
   * Calls an endpoint the SDK does not wrap yet, with the same key,
   * retries, rate limiter, errors, logs and hooks:
   * `await client.request('GET', '/api/v2/organization/teams', { query: { limit: '5' } })`.
   * Resolves with the answer's JSON (null for an empty answer).
   */
  request(method, path, options) {
    const n = this.#n
    return new APIPromise((capture) => captured(n, capture, (target) => rawRequest(target, method, path, options)))
  }
  /** The log level records are passed on at: off, error, warn, info or debug. */
  get logLevel() {
    return this.#n.logLevel
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
