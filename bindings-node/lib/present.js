'use strict'
// How results print. A model's `signedUrl` logs its user in, so
// `util.inspect` / `console.log` show it with every query value redacted;
// the property itself, JSON.stringify and spreading keep it whole.

const INSPECT = Symbol.for('nodejs.util.inspect.custom')
const REDACTED = '<redacted>'

/** `url` with the value of every query parameter and any user info redacted. */
function redactUrl(url) {
  const [beforeFragment, ...fragment] = url.split('#')
  const [base, ...query] = beforeFragment.split('?')
  const shownBase = base.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, `$1${REDACTED}@`)
  const shownQuery = query
    .join('?')
    .split('&')
    .map((pair) => (pair === '' ? pair : `${pair.split('=')[0]}=${REDACTED}`))
    .join('&')
  return [query.length ? `${shownBase}?${shownQuery}` : shownBase, ...fragment].join('#')
}

/** Inspects a copy of the model with its signed URL redacted. */
function inspectModel(depth, options, inspect) {
  const shown = { ...this, signedUrl: redactUrl(this.signedUrl) }
  return `Model ${inspect(shown, { ...options, depth: options.depth === null ? null : options.depth - 1 })}`
}

/** A model result: the plain object, printing with its signed URL redacted. */
function model(value) {
  Object.defineProperty(value, INSPECT, { value: inspectModel, enumerable: false })
  return value
}

module.exports = { model, redactUrl }
