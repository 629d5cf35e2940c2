'use strict'
// The `onProgress` of photos.save. The native module calls it from the
// download's thread through a threadsafe function, once per photo and then
// once with `null` when the save has ended (so every report arrives before
// the promise settles). Whatever the user's callback throws, or an async
// one rejects with, never reaches the download: the first such error of a
// save is reported as a process warning and the download goes on.

const { InvalidArgumentError } = require('./errors.js')

/** The user's callback, guarded, or undefined when none was given. */
function progressCallback(name, value) {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'function') throw new InvalidArgumentError(`${name} must be a function`)
  let warned = false
  const warn = (err) => {
    if (warned) return
    warned = true
    process.emitWarning(`the onProgress callback of photos.save failed; the download goes on: ${err?.stack ?? err}`, {
      type: 'HeadshotProWarning',
      code: 'HEADSHOTPRO_PROGRESS_CALLBACK',
    })
  }
  return (progress) => {
    if (progress === null || progress === undefined) return
    try {
      const result = value(progress)
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        result.then(undefined, warn)
      }
    } catch (err) {
      warn(err)
    }
  }
}

module.exports = { progressCallback }
