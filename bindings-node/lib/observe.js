'use strict'
// The client's logger and its `request`/`response` listeners. The native
// module formats, redacts and filters the log records (the core's
// LogRecord) and calls these bridges from its threads without waiting; the
// bridges make sure nothing the user's code throws reaches a call.

const { InvalidArgumentError } = require('./errors.js')

const LEVELS = new Set(['off', 'error', 'warn', 'info', 'debug'])
const EVENTS = new Set(['request', 'response'])

/** The `logLevel` option checked, or undefined when unset. */
function logLevelOption(value) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !LEVELS.has(value.toLowerCase())) {
    throw new InvalidArgumentError(`logLevel must be one of off, error, warn, info, debug, got ${String(value)}`)
  }
  return value.toLowerCase()
}

/** Reports the first failure of a logger or listener as a process warning. */
function warnOnce(what) {
  let warned = false
  return (err) => {
    if (warned) return
    warned = true
    process.emitWarning(`the ${what} failed; the call goes on: ${err?.stack ?? err}`, {
      type: 'HeadshotProWarning',
      code: 'HEADSHOTPRO_OBSERVER_FAILED',
    })
  }
}

/** Runs `fn`, handing what it throws (or its promise rejects with) to `onError`. */
function guarded(fn, onError) {
  try {
    const result = fn()
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
      result.then(undefined, onError)
    }
  } catch (err) {
    onError(err)
  }
}

/**
 * The native log bridge for a console-like `logger`: each record becomes
 * `logger[level](message, fields)` (`logger.log` when the level's method is
 * missing). Undefined when no logger is given (records then go to stderr).
 */
function logBridge(logger) {
  if (logger === undefined || logger === null) return undefined
  if (typeof logger !== 'object' && typeof logger !== 'function') {
    throw new InvalidArgumentError('logger must be a console-like object with debug, info, warn and error methods')
  }
  const methods = ['debug', 'info', 'warn', 'error', 'log'].filter((m) => typeof logger[m] === 'function')
  if (methods.length === 0) {
    throw new InvalidArgumentError('logger must be a console-like object with debug, info, warn and error methods')
  }
  const failed = warnOnce('logger')
  return (record) => {
    const method = typeof logger[record.level] === 'function' ? record.level : 'log'
    if (typeof logger[method] !== 'function') return
    guarded(() => logger[method](record.message, record.fields), failed)
  }
}

/**
 * The listeners of a client and its `withOptions` children, and the native
 * hook dispatcher feeding them. A listener that throws is reported through
 * the logger at warn (else as a process warning) and never breaks the call.
 */
class Listeners {
  #byEvent = { request: [], response: [] }
  #native
  #report

  constructor(logger) {
    const fallback = warnOnce('request/response listener')
    this.#report = (event, err) => {
      if (logger && typeof logger.warn === 'function') {
        guarded(() => logger.warn(`headshotpro: a ${event} listener failed; the call goes on: ${err?.stack ?? err}`), fallback)
      } else {
        fallback(err)
      }
    }
  }

  /** Connects the native client whose hook delivery follows the listeners. */
  attach(native) {
    this.#native = native
  }

  /** The function the native module calls with each event. */
  dispatcher() {
    return (raw) => {
      const listeners = this.#byEvent[raw.kind]
      if (!listeners || listeners.length === 0) return
      const event = eventOf(raw)
      for (const listener of [...listeners]) guarded(() => listener(event), (err) => this.#report(raw.kind, err))
    }
  }

  add(name, listener) {
    this.#byEvent[checkEvent(name, listener)].push(listener)
    this.#sync()
  }

  remove(name, listener) {
    const list = this.#byEvent[checkEvent(name, listener)]
    const at = list.lastIndexOf(listener)
    if (at !== -1) list.splice(at, 1)
    this.#sync()
  }

  #sync() {
    this.#native?.setHooksActive(this.#byEvent.request.length + this.#byEvent.response.length > 0)
  }
}

function checkEvent(name, listener) {
  if (!EVENTS.has(name)) throw new InvalidArgumentError(`unknown event ${String(name)}: expected request or response`)
  if (typeof listener !== 'function') throw new InvalidArgumentError('a listener must be a function')
  return name
}

/** A native hook event as listeners receive it. */
function eventOf(raw) {
  const event = { operation: raw.operation, method: raw.method, path: raw.path, attempt: raw.attempt }
  if (raw.kind === 'response') {
    event.status = raw.status ?? null
    event.durationMs = raw.durationMs
    event.error = raw.error ?? null
    event.rateLimitRemaining = raw.rateLimitRemaining ?? null
    event.willRetry = raw.willRetry
  }
  return event
}

module.exports = { logLevelOption, logBridge, Listeners, warnOnce }
