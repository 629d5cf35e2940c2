'use strict'
// Argument shapes: each turns one JS argument of a call into the native
// arguments it stands for, checking only its JS type (values are the core's
// job). A field checker takes (name, value) and returns the native value.

const { InvalidArgumentError } = require('./errors.js')

/** A required string. */
function str(name, value) {
  if (typeof value !== 'string') {
    throw new InvalidArgumentError(`${name} must be a string, got ${value === null ? 'null' : typeof value}`)
  }
  return value
}

/** A string when given, else undefined. */
function optStr(name, value) {
  return value === undefined || value === null ? undefined : str(name, value)
}

/** An array of strings. */
function strList(name, value) {
  if (!Array.isArray(value)) throw new InvalidArgumentError(`${name} must be an array of strings`)
  return value.map((item, i) => str(`${name}[${i}]`, item))
}

/** A checker with a default for an absent value. */
function withDefault(check, fallback) {
  return (name, value) => (value === undefined || value === null ? fallback : check(name, value))
}

/** A boolean. */
function bool(name, value) {
  if (typeof value !== 'boolean') throw new InvalidArgumentError(`${name} must be a boolean`)
  return value
}

/** A number. */
function num(name, value) {
  if (typeof value !== 'number') throw new InvalidArgumentError(`${name} must be a number`)
  return value
}

/** A whole number when given, else undefined (its range is the core's to check). */
function optInt(name, value) {
  if (value === undefined || value === null) return undefined
  if (!Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(`${name} must be an integer, got ${typeof value === 'number' ? value : typeof value}`)
  }
  return value
}

/** An array of strings when given, else undefined. */
function optStrList(name, value) {
  return value === undefined || value === null ? undefined : strList(name, value)
}

/** A positional argument checked by `check`: one native argument. */
function positional(name, check = str) {
  return (value) => [check(name, value)]
}

function fieldsOf(fields, params) {
  return Object.entries(fields).map(([name, check]) => check(name, params[name]))
}

/**
 * The params object of a call: its fields, in order, as native arguments.
 * A key it does not know is refused (a typo would otherwise be ignored),
 * except those of `alsoAccepted` (e.g. `signal` where the params also carry
 * the request options).
 */
function params(fields, alsoAccepted = []) {
  const known = new Set([...Object.keys(fields), ...alsoAccepted])
  const shape = (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InvalidArgumentError('params must be an object')
    }
    for (const key of Object.keys(value)) {
      if (!known.has(key)) {
        throw new InvalidArgumentError(`unknown parameter ${key}: expected ${[...known].join(', ')}`)
      }
    }
    return fieldsOf(fields, value)
  }
  return shape
}

/** A params object that may be left out (every field then takes its default). */
function optParams(fields, alsoAccepted = []) {
  const required = params(fields, alsoAccepted)
  const shape = (value) => (value === undefined || value === null ? fieldsOf(fields, {}) : required(value))
  shape.optional = true
  return shape
}

module.exports = {
  str,
  optStr,
  strList,
  optStrList,
  withDefault,
  bool,
  num,
  optInt,
  positional,
  params,
  optParams,
}
