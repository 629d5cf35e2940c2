'use strict'
// The public client: resource namespaces in the Stripe/OpenAI Node style.
// Path ids are positional, bodies one params object, and every call takes an
// optional last `{ signal }`. Each method only shapes arguments for the
// native module; all behaviour lives in the Rust core.

const native = require('../native.js')
const { invoke, unwrap, str, optStr, paramsOf } = require('./call.js')
const { InvalidArgumentError } = require('./errors.js')

/** Default `until` of `models.wait`. */
const DEFAULT_WAIT_UNTIL = 'active'
/** Default `timeoutMs` of `models.wait`: ten minutes. */
const DEFAULT_WAIT_TIMEOUT_MS = 600_000

/** `client.organization`: the organization and its credits. */
class Organization {
  #n
  constructor(n) {
    this.#n = n
  }
  /** The organization and its teams. */
  async retrieve(options) {
    return invoke(options, (t) => this.#n.organizationRetrieve(t))
  }
  /** The credits available, a number. */
  async credits(options) {
    return invoke(options, (t) => this.#n.organizationCredits(t))
  }
}

/** `client.invites`: team-member invites. */
class Invites {
  #n
  constructor(n) {
    this.#n = n
  }
  /** Invites `email`, optionally into `teamId`. Never retried once it may have arrived. */
  async create(params, options) {
    const { email, teamId } = paramsOf(params)
    const e = str('email', email)
    const team = optStr('teamId', teamId)
    return invoke(options, (t) => this.#n.invitesCreate(e, team, t))
  }
  /** Revokes the pending invites sent to `email`. */
  async revoke(params, options) {
    const e = str('email', paramsOf(params).email)
    return invoke(options, (t) => this.#n.invitesRevoke(e, t))
  }
  /** Every invite of the organization. */
  async list(options) {
    return invoke(options, (t) => this.#n.invitesList(t))
  }
  /** One invite's email, status and team. */
  async retrieve(inviteId, options) {
    const id = str('inviteId', inviteId)
    return invoke(options, (t) => this.#n.invitesRetrieve(id, t))
  }
}

/** `client.teams`: teams of the organization; each call answers the organization. */
class Teams {
  #n
  constructor(n) {
    this.#n = n
  }
  /** Creates a team. */
  async create(params, options) {
    const name = str('name', paramsOf(params).name)
    return invoke(options, (t) => this.#n.teamsCreate(name, t))
  }
  /** Renames a team. */
  async update(teamId, params, options) {
    const id = str('teamId', teamId)
    const name = str('name', paramsOf(params).name)
    return invoke(options, (t) => this.#n.teamsUpdate(id, name, t))
  }
  /** Deletes a team. */
  async delete(teamId, options) {
    const id = str('teamId', teamId)
    return invoke(options, (t) => this.#n.teamsDelete(id, t))
  }
  /** Adds existing organization members to a team. */
  async addMembers(teamId, params, options) {
    const id = str('teamId', teamId)
    const { emails } = paramsOf(params)
    if (!Array.isArray(emails)) throw new InvalidArgumentError('emails must be an array of strings')
    const list = emails.map((e, i) => str(`emails[${i}]`, e))
    return invoke(options, (t) => this.#n.teamsAddMembers(id, list, t))
  }
}

/** `client.models`: whitelabel models. */
class Models {
  #n
  constructor(n) {
    this.#n = n
  }
  /** Creates a model for `email`. Never retried once it may have arrived. */
  async create(params, options) {
    const { email, teamId, isDevelopment } = paramsOf(params)
    const e = str('email', email)
    const team = optStr('teamId', teamId)
    if (isDevelopment !== undefined && typeof isDevelopment !== 'boolean') {
      throw new InvalidArgumentError('isDevelopment must be a boolean')
    }
    return invoke(options, (t) => this.#n.modelsCreate(e, team, isDevelopment ?? false, t))
  }
  /** A model's status and a fresh signed URL. */
  async retrieve(modelId, options) {
    const id = str('modelId', modelId)
    return invoke(options, (t) => this.#n.modelsRetrieve(id, t))
  }
  /** Deletes a model. */
  async delete(modelId, options) {
    const id = str('modelId', modelId)
    return invoke(options, (t) => this.#n.modelsDelete(id, t))
  }
  /**
   * Polls `retrieve` until the model reaches `until` (default `'active'`) or
   * `deleted`, within `timeoutMs` (default ten minutes; then APITimeoutError).
   */
  async wait(modelId, params, options) {
    const id = str('modelId', modelId)
    const { until = DEFAULT_WAIT_UNTIL, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS } = params == null ? {} : paramsOf(params)
    const status = str('until', until)
    if (typeof timeoutMs !== 'number') throw new InvalidArgumentError('timeoutMs must be a number')
    return invoke(options, (t) => this.#n.modelsWait(id, status, timeoutMs, t))
  }
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
    /** Organization details and credits. */
    this.organization = new Organization(this.#n)
    /** Team-member invites. */
    this.invites = new Invites(this.#n)
    /** Teams of the organization. */
    this.teams = new Teams(this.#n)
    /** Whitelabel models. */
    this.models = new Models(this.#n)
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
