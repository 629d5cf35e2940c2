'use strict'
// `invites.createMany`: its `onProgress` guarded (as photos.save's is) and
// each result's error record turned into its error class.

const { fromNative } = require('./errors.js')
const { warnOnce } = require('./observe.js')
const { InvalidArgumentError } = require('./errors.js')

/** A native result as JS sees it: `error` an instance of the SDK's classes, or null. */
function result(r) {
  return {
    email: r.email,
    teamId: r.teamId ?? null,
    outcome: r.outcome,
    invite: r.invite ?? null,
    error: r.error ? fromNative(r.error) : null,
  }
}

/** The results, in input order. */
function bulkResults(value) {
  return value.map(result)
}

/** The user's `onProgress`, guarded, or undefined when none was given. */
function bulkProgressCallback(name, value) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'function') throw new InvalidArgumentError(`${name} must be a function`)
  const failed = warnOnce('onProgress callback of invites.createMany')
  return (progress) => {
    if (progress === null || progress === undefined) return
    try {
      const out = value({ ...progress, result: result(progress.result) })
      if (out !== null && typeof out === 'object' && typeof out.then === 'function') out.then(undefined, failed)
    } catch (err) {
      failed(err)
    }
  }
}

module.exports = { bulkResults, bulkProgressCallback }
