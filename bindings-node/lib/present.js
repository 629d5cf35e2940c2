'use strict'
// How results print. A model's `signedUrl` logs its user in, and a photo's
// URLs are signed bearer URLs, so `util.inspect` / `console.log` show them
// through the core's redact_url (every query value, password and fragment
// replaced); the properties themselves, JSON.stringify and spreading keep
// them whole. Also: a save report's failures as the SDK's error classes.

const native = require('../native.js')
const { fromNative } = require('./errors.js')

const INSPECT = Symbol.for('nodejs.util.inspect.custom')

/** `inspect` for a value shown as `label` with the fields of `redacted(value)`. */
function inspectAs(label, redacted) {
  return function inspect(depth, options, inspectFn) {
    const next = { ...options, depth: options.depth === null ? null : options.depth - 1 }
    return `${label} ${inspectFn(redacted(this), next)}`
  }
}

const redact = (url) => (typeof url === 'string' ? native.redactUrl(url) : url)

function hide(value, inspect) {
  Object.defineProperty(value, INSPECT, { value: inspect, enumerable: false })
  return value
}

const inspectModel = inspectAs('Model', (m) => ({ ...m, signedUrl: redact(m.signedUrl) }))
const inspectUrls = inspectAs('PhotoUrls', (u) => Object.fromEntries(Object.entries(u).map(([k, v]) => [k, redact(v)])))
const inspectLink = inspectAs('DownloadLink', (l) => ({ ...l, url: redact(l.url) }))

/** A model result: the plain object, printing with its signed URL redacted. */
function model(value) {
  return hide(value, inspectModel)
}

/** A photo (or favorite photo): its URLs print redacted. */
function photo(value) {
  hide(value.urls, inspectUrls)
  return value
}

/** `photos.favorite`: a photo, or null while none is chosen. */
function optionalPhoto(value) {
  return value === null || value === undefined ? null : photo(value)
}

/** Download links: each URL prints redacted. */
function downloadLinks(value) {
  for (const link of value.downloads) hide(link, inspectLink)
  return value
}

/** A save report: each failure's error record as its error class. */
function saveReport(value) {
  for (const failed of value.failed) failed.error = fromNative(failed.error)
  return value
}

module.exports = { model, photo, optionalPhoto, downloadLinks, saveReport }
