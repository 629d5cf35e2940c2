'use strict'
// Running one native call: the optional AbortSignal and the error mapping.

const native = require('../native.js')
const { APIUserAbortError, InvalidArgumentError, isNativeError, fromNative, argumentError } = require('./errors.js')

/** The `{ signal }` request options, checked. */
function signalOf(options) {
  if (options === undefined || options === null) return undefined
  if (typeof options !== 'object') {
    throw new InvalidArgumentError('request options must be an object like { signal }')
  }
  const { signal } = options
  if (signal === undefined || signal === null) return undefined
  if (typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function') {
    throw new InvalidArgumentError('signal must be an AbortSignal')
  }
  return signal
}

/**
 * Starts `start(cancelToken)` (a native call returning a promise of a value
 * or an error record) and returns the value, or throws the matching class.
 * An aborted signal cancels the native call: its Rust future is dropped.
 */
async function invoke(options, start) {
  const signal = signalOf(options)
  if (signal?.aborted) {
    throw new APIUserAbortError('Request was aborted.', { cause: signal.reason })
  }
  let token
  let onAbort
  if (signal) {
    token = new native.CancelToken()
    onAbort = () => token.cancel()
    signal.addEventListener('abort', onAbort, { once: true })
  }
  try {
    let pending
    try {
      pending = start(token)
    } catch (err) {
      throw argumentError(err)
    }
    const result = await pending
    if (isNativeError(result)) {
      const cause = result.className === 'APIUserAbortError' ? signal?.reason : undefined
      throw fromNative(result, cause)
    }
    return result
  } finally {
    if (signal) signal.removeEventListener('abort', onAbort)
  }
}

/** The value of a synchronous native call, or throws the matching class. */
function unwrap(start) {
  let result
  try {
    result = start()
  } catch (err) {
    throw argumentError(err)
  }
  if (isNativeError(result)) throw fromNative(result)
  return result
}

module.exports = { invoke, unwrap }
