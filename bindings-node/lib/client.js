'use strict'
// The public client: resource namespaces in the Stripe/OpenAI Node style,
// made from the operation table (lib/operations.js). Each method only shapes
// arguments for the native module; all behaviour lives in the Rust core.

const native = require('../native.js')
const { invoke, unwrap } = require('./call.js')
const { InvalidArgumentError } = require('./errors.js')
const { OPERATIONS, DEFAULT_WAIT_UNTIL, DEFAULT_WAIT_TIMEOUT_MS } = require('./operations.js')

/**
 * A resource object (`client.invites`, …): one async method per operation of
 * the table, shaping its arguments for the native client `n`.
 */
function resource(n, operations) {
  const methods = {}
  for (const [name, { native: method, shapes, present }] of Object.entries(operations)) {
    // A computed key names the function (`create`) for stack traces.
    methods[name] = {
      async [name](...args) {
        const nativeArgs = shapes.flatMap((shape, i) => shape(args[i]))
        const result = await invoke(args[shapes.length], (t) => n[method](...nativeArgs, t))
        return present === undefined ? result : present(result)
      },
    }[name]
  }
  return methods
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
      this.#n = unwrap(() =>
        native.createClient({ apiKey, baseUrl, timeoutMs, connectTimeoutMs, maxRetries: retries(maxRetries), allowInsecureHttp }),
      )
    }
    // organization, invites, teams, models: see index.d.ts.
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
}

module.exports = { Client, DEFAULT_WAIT_UNTIL, DEFAULT_WAIT_TIMEOUT_MS }
