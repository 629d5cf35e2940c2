'use strict'
// The promise every call returns, as openai-node's APIPromise: awaiting it
// gives the data; `.withResponse()` gives `{ data, response }`, the response
// being the status, headers and rate limit of the answer the call received.
//
// The native call starts one microtask after the promise is made, so a
// `.withResponse()` chained at once (`client.x.y(...).withResponse()`) is
// seen first and only then does the call go through a capturing client
// (the core's `Client::capturing`). Calls that do not ask pay nothing.

const { HeadshotProError } = require('./errors.js')

/**
 * The facts of an answer as JS sees them: `status`, `headers` (a WHATWG
 * `Headers`, as fetch's), `rateLimit`, `operation`, `method`, `path`,
 * `attempt`, `elapsedMs`, `requestId`.
 */
function responseOf(meta) {
  if (meta === null || meta === undefined) return null
  const headers = new Headers()
  for (const { name, value } of meta.headers) headers.append(name, value)
  return {
    status: meta.status,
    headers,
    rateLimit: {
      limit: meta.rateLimit.limit ?? null,
      remaining: meta.rateLimit.remaining ?? null,
      resetAt: meta.rateLimit.resetAt ?? null,
    },
    operation: meta.operation,
    method: meta.method,
    path: meta.path,
    attempt: meta.attempt,
    elapsedMs: meta.elapsedMs,
    requestId: meta.requestId ?? null,
  }
}

const ignore = () => {}

/** A call's promise of its data, with `.withResponse()`. */
class APIPromise extends Promise {
  // `then`/`catch`/`finally` return plain promises.
  static get [Symbol.species]() {
    return Promise
  }

  #state

  /**
   * @param start `(capture) => Promise<{ data, response }>`: runs the call,
   *   through a capturing client when `capture` is true.
   */
  constructor(start) {
    let resolve
    let reject
    super((res, rej) => {
      resolve = res
      reject = rej
    })
    const state = { capture: false, started: false }
    state.result = Promise.resolve().then(() => {
      state.started = true
      return start(state.capture)
    })
    state.result.then((r) => resolve(r.data), reject)
    this.#state = state
  }

  /**
   * The data with the facts of the answer: `{ data, response }`. Call it on
   * the promise a call returns, before awaiting that promise.
   */
  withResponse() {
    const state = this.#state
    // The caller awaits this promise instead: its failure is reported there.
    this.then(undefined, ignore)
    if (state.started && !state.capture) {
      return Promise.reject(
        new HeadshotProError(
          'withResponse() must be called on the promise a call returns, right away: ' +
            'client.models.retrieve(id).withResponse()',
        ),
      )
    }
    state.capture = true
    return state.result.then(({ data, response }) => ({ data, response: responseOf(response) }))
  }
}

module.exports = { APIPromise }
