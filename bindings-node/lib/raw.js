'use strict'
// `client.request`: the escape hatch. Its arguments are checked for their
// JS types here (the body must become JSON); the method and path are the
// core's to check, and everything else (auth, retries, errors) is the
// core's call.

const { invoke } = require('./call.js')
const { InvalidArgumentError } = require('./errors.js')

const OPTION_KEYS = new Set(['body', 'query', 'signal'])

/** The body as JSON text, or undefined for none. */
function bodyText(body) {
  if (body === undefined || body === null) return undefined
  let text
  try {
    text = JSON.stringify(body)
  } catch (err) {
    throw new InvalidArgumentError(`body cannot become JSON: ${err?.message ?? err}`, { cause: err })
  }
  if (text === undefined) throw new InvalidArgumentError(`body cannot become JSON: a ${typeof body} has no JSON form`)
  return text
}

/** The query as an object of strings, or undefined for none. */
function queryOf(query) {
  if (query === undefined || query === null) return undefined
  if (typeof query !== 'object' || Array.isArray(query)) {
    throw new InvalidArgumentError('query must be an object of parameter name to value')
  }
  const out = {}
  for (const [name, value] of Object.entries(query)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw new InvalidArgumentError(`query parameter ${name} must be a string, number or boolean, got ${typeof value}`)
    }
    out[name] = String(value)
  }
  return out
}

/** Runs `client.request` on the native client `n`: the answer's decoded JSON. */
async function rawRequest(n, method, path, options = {}) {
  if (typeof method !== 'string') throw new InvalidArgumentError(`method must be a string, got ${typeof method}`)
  if (typeof path !== 'string') throw new InvalidArgumentError(`path must be a string, got ${typeof path}`)
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgumentError('options must be an object like { body, query, signal }')
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new InvalidArgumentError(`unknown option ${key}: expected body, query, signal`)
  }
  const body = bodyText(options.body)
  const query = queryOf(options.query)
  const text = await invoke(options, (t) => n.request(method, path, body, query, t))
  return JSON.parse(text)
}

module.exports = { rawRequest }
