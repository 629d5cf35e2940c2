'use strict'
// `headshotpro/testing`: MockServer, the stateful HeadshotPro emulator
// (the headshotpro-mock crate) running inside the native module, for users'
// own tests. Each method only checks and shapes its arguments; the mock does
// the rest. Control calls act on the mock's state directly (no HTTP) and,
// like every call of the SDK, return promises; an unknown id rejects with
// NotFoundError.

const native = require('../native.js')
const { invoke, unwrap } = require('./call.js')
const { Client } = require('./client.js')
const { HeadshotProError, InvalidArgumentError } = require('./errors.js')
const { str, optStr, bool, num, optInt } = require('./shape.js')

const INSPECT = Symbol.for('nodejs.util.inspect.custom')

/** A non-negative whole number (a count or a u32 setting) when given. */
function count(name, value) {
  const n = optInt(name, value)
  if (n !== undefined && !(n >= 0 && n <= 0xffff_ffff)) {
    throw new InvalidArgumentError(`${name} must be between 0 and 4294967295, got ${n}`)
  }
  return n
}

/** A number of milliseconds when given (the native side refuses negative ones). */
function millis(name, value) {
  return value === undefined || value === null ? undefined : num(name, value)
}

/** A boolean when given. */
function optBool(name, value) {
  return value === undefined || value === null ? undefined : bool(name, value)
}

/** Checks that `value` is an object whose keys are all in `shapes`, and shapes each. */
function shaped(what, value, shapes) {
  if (value === undefined || value === null) value = {}
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidArgumentError(`${what} must be an object`)
  for (const key of Object.keys(value)) {
    if (!(key in shapes)) {
      throw new InvalidArgumentError(`unknown ${what} ${key}: expected ${Object.keys(shapes).join(', ')}`)
    }
  }
  return Object.fromEntries(Object.entries(shapes).map(([key, shape]) => [key, shape(key, value[key])]))
}

/** `organizations`, as the mock's `--config` JSON text. */
function organizations(name, value) {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw new InvalidArgumentError(`${name} must be an array of organization settings`)
  return JSON.stringify({ organizations: value })
}

const START_OPTIONS = {
  apiKey: optStr,
  port: count,
  credits: optInt,
  whitelabel: optBool,
  webhookUrl: optStr,
  webhookSecret: optStr,
  webhookDelayMs: millis,
  webhookRetryMs: millis,
  devStepMs: millis,
  rateLimit: count,
  rateWindowMs: millis,
  inviteLimit: count,
  photosPerModel: count,
  photoUrlTtlMs: millis,
  tls: optBool,
  organizations,
}

/** The settings `null` clears in `setOrganization`. */
const CLEARABLE = ['webhookUrl', 'webhookSecret', 'inviteLimit', 'rateLimit']

const ORGANIZATION_CHANGES = {
  credits: optInt,
  whitelabel: optBool,
  webhookUrl: optStr,
  webhookSecret: optStr,
  inviteLimit: count,
  rateLimit: count,
  rateWindowMs: millis,
  photosPerModel: count,
  photoUrlTtlMs: millis,
  envelope: optStr,
  name: optStr,
  website: optStr,
  description: optStr,
}

/** `after` of a fault: `'drop'` or an HTTP status. */
function after(name, value) {
  if (value === undefined || value === null) return undefined
  if (value === 'drop') return value
  if (Number.isInteger(value)) return count(name, value)
  throw new InvalidArgumentError(`${name} must be 'drop' or an HTTP status, got ${String(value)}`)
}

/** Extra response headers of a fault: names to string values. */
function headers(name, value) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidArgumentError(`${name} must be an object`)
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, str(`${name}.${k}`, String(v))]))
}

const FAULT = {
  method: optStr,
  path: str,
  status: count,
  body: (name, value) => value,
  headers,
  delayMs: millis,
  drop: optBool,
  after,
  times: count,
}

const LIKED = new Set(['none', 'liked', 'loved'])

/** Handed to the constructor by `start` only. */
class Handle {
  constructor(n) {
    this.n = n
  }
}

/**
 * The HeadshotPro API emulator, in this process: `await MockServer.start()`,
 * then point a client at `url` with `apiKey` (or use `client()`), play the
 * people on the other side with the control methods, and `await close()`
 * (or `await using mock = await MockServer.start()`). A forgotten server
 * does not keep the process alive.
 */
class MockServer {
  #n
  constructor(handle) {
    if (!(handle instanceof Handle)) {
      throw new InvalidArgumentError('start a MockServer with await MockServer.start(options)')
    }
    this.#n = handle.n
  }

  /** Starts a mock on 127.0.0.1 (an ephemeral port unless `port` is given and free). */
  static async start(options) {
    if (typeof native.startMockServer !== 'function') {
      throw new HeadshotProError('this build of the native module has no MockServer: it was built without the testing feature')
    }
    const settings = shaped('option', options, START_OPTIONS)
    const { organizations: configJson, ...rest } = settings
    const n = await invoke(undefined, () => native.startMockServer({ ...rest, configJson }))
    return new MockServer(new Handle(n))
  }

  /** The base URL, e.g. `http://127.0.0.1:41234` (`https://` with `tls`). */
  get url() {
    return this.#n.url
  }
  /** Where photo images are served: the same server as `http://localhost:PORT`. */
  get cdnUrl() {
    return this.#n.cdnUrl
  }
  /** The default organization's API key. */
  get apiKey() {
    return this.#n.apiKey
  }
  /** With `tls`, the PEM of the certificate authority to trust (`extraRootCertificates`); else null. */
  get caPem() {
    return this.#n.caPem ?? null
  }

  /** A client for this mock (its URL, key and, with TLS, its CA); `options` add to or override them. */
  client(options = {}) {
    const caPem = this.caPem
    const defaults = { apiKey: this.apiKey, baseUrl: this.url }
    if (caPem !== null) defaults.extraRootCertificates = caPem
    return new Client({ ...defaults, ...options })
  }

  /** Stops the server; resolves once it is down. Closing again does nothing. */
  async close() {
    await invoke(undefined, () => this.#n.close())
  }

  /** `await using mock = await MockServer.start()` closes it at the end of the block. */
  [Symbol.asyncDispose]() {
    return this.close()
  }

  /** The invitee signs up: `pending-invite` → `waiting-for-upload`. */
  async acceptInvite(inviteId) {
    return unwrap(() => this.#n.acceptInvite(str('inviteId', inviteId)))
  }
  /** The member uploads photos: `generating-headshots`, a credit spent. */
  async uploadPhotos(inviteId) {
    return unwrap(() => this.#n.uploadPhotos(str('inviteId', inviteId)))
  }
  /** The invite's next step: accept, upload, or `generating-headshots` → `active`. */
  async advanceInvite(inviteId) {
    return unwrap(() => this.#n.advanceInvite(str('inviteId', inviteId)))
  }
  /** The user finishes onboarding: `waiting`, a credit spent unless development. */
  async completeOnboarding(modelId) {
    return unwrap(() => this.#n.completeOnboarding(str('modelId', modelId)))
  }
  /** The model's next status; turning active makes its photos. */
  async advance(modelId) {
    return unwrap(() => this.#n.advance(str('modelId', modelId)))
  }
  /** Training or generation fails: `failed`. */
  async fail(modelId) {
    return unwrap(() => this.#n.fail(str('modelId', modelId)))
  }
  /** A model's photos (none until it turns active). */
  async photos(modelId) {
    return unwrap(() => this.#n.photos(str('modelId', modelId)))
  }
  /** The user rates a photo: `'liked'` (default), `'loved'` or `'none'`. */
  async likePhoto(photoId, status = 'liked') {
    if (!LIKED.has(status)) throw new InvalidArgumentError(`status must be 'none', 'liked' or 'loved', got ${String(status)}`)
    return unwrap(() => this.#n.likePhoto(str('photoId', photoId), status))
  }
  /** The user picks a favorite among an active model's photos (sends `model.favorite_selected`). */
  async chooseFavorite(modelId, photoId) {
    return unwrap(() => this.#n.chooseFavorite(str('modelId', modelId), str('photoId', photoId)))
  }
  /** The default organization's settings. */
  async organization() {
    return unwrap(() => this.#n.organization())
  }
  /** Changes the default organization's settings (all or nothing); `null` clears `webhookUrl`, `webhookSecret`, `inviteLimit`, `rateLimit`. */
  async setOrganization(changes) {
    const clear = []
    const given = { ...(changes ?? {}) }
    for (const key of CLEARABLE) {
      if (given[key] === null) {
        clear.push(key)
        delete given[key]
      }
    }
    const shapedChanges = shaped('setting', given, ORGANIZATION_CHANGES)
    return unwrap(() => this.#n.setOrganization({ ...shapedChanges, clear }))
  }
  /**
   * Adds a fault for the next `times` (1) requests whose method matches and
   * whose path starts with `path`; resolves to its id. `body`: a string is
   * sent as is, anything else as JSON; `after: 'drop' | status` processes
   * the request first.
   */
  async injectFault(fault) {
    const f = shaped('fault field', fault, FAULT)
    const { body, ...rest } = f
    const bodies =
      body === undefined ? {} : typeof body === 'string' ? { rawBody: body } : { jsonBody: JSON.stringify(body) }
    return unwrap(() => this.#n.injectFault({ ...rest, ...bodies }))
  }
  /** Removes every pending fault. */
  async clearFaults() {
    unwrap(() => this.#n.clearFaults())
  }
  /** Every API and CDN request received, in order (`headers` with lower-case names). */
  async requests() {
    return unwrap(() => this.#n.requests())
  }
  /** Forgets the request log. */
  async clearRequests() {
    unwrap(() => this.#n.clearRequests())
  }
  /** Every webhook delivery attempt, oldest first. */
  async webhooks() {
    return unwrap(() => this.#n.webhooks())
  }
  /** Forgets the webhook delivery log. */
  async clearWebhooks() {
    unwrap(() => this.#n.clearWebhooks())
  }
  /** Back to the start state (settings included); cancels pending webhooks and timers. */
  async reset() {
    unwrap(() => this.#n.reset())
  }
  /** Creates accepted members and active development models (with photos) at once, without webhooks. */
  async seed(request) {
    const r = shaped('seed field', request, { members: count, models: count, teamId: optStr })
    return unwrap(() => this.#n.seed(r))
  }
  /** The whole state, for debugging. */
  async state() {
    return JSON.parse(unwrap(() => this.#n.state()))
  }

  [INSPECT]() {
    return `MockServer { url: '${this.url}', tls: ${this.caPem !== null} }`
  }
}

module.exports = { MockServer }
