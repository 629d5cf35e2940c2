'use strict'
// How results print. A model's `signedUrl` logs its user in, so
// `util.inspect` / `console.log` show it through the core's redact_url (every
// query value, password and fragment replaced); the property itself,
// JSON.stringify and spreading keep it whole.

const native = require('../native.js')

const INSPECT = Symbol.for('nodejs.util.inspect.custom')

/** Inspects a copy of the model with its signed URL redacted. */
function inspectModel(depth, options, inspect) {
  const shown = { ...this, signedUrl: native.redactUrl(this.signedUrl) }
  return `Model ${inspect(shown, { ...options, depth: options.depth === null ? null : options.depth - 1 })}`
}

/** A model result: the plain object, printing with its signed URL redacted. */
function model(value) {
  Object.defineProperty(value, INSPECT, { value: inspectModel, enumerable: false })
  return value
}

module.exports = { model }
