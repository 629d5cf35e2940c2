'use strict'
// Loads the native module through the napi-rs loader (native.js) and, when
// this machine has no build, fails with one clear error that names the
// platform and the supported ones, instead of the loader's chain of
// "Cannot find module" errors.

const { napi } = require('../package.json')

const ARCH = { x86_64: 'x64', aarch64: 'arm64', i686: 'ia32', armv7: 'arm' }
const OS = { linux: 'linux', apple: 'darwin', darwin: 'darwin', windows: 'win32', freebsd: 'freebsd' }

/** The napi-rs platform name of a Rust target triple, e.g. `linux-x64-gnu`. */
function platformOfTriple(triple) {
  const [arch, , os, abi] = triple.split('-')
  const name = `${OS[os] ?? os}-${ARCH[arch] ?? arch}`
  return abi ? `${name}-${abi}` : name
}

/** The platforms this release ships a native module for. */
function supportedPlatforms() {
  return napi.targets.map(platformOfTriple)
}

function isMusl() {
  const report = process.report && typeof process.report.getReport === 'function' ? process.report.getReport() : null
  return !(report && report.header && report.header.glibcVersionRuntime)
}

/** This process's platform in the same spelling, e.g. `linux-arm64-musl`. */
function currentPlatform() {
  const name = `${process.platform}-${process.arch}`
  if (process.platform === 'linux') return `${name}-${isMusl() ? 'musl' : 'gnu'}`
  if (process.platform === 'win32') return `${name}-msvc`
  return name
}

/** The native module, or an error saying why this machine has none. */
function loadNative() {
  try {
    return require('../native.js')
  } catch (cause) {
    const here = currentPlatform()
    const supported = supportedPlatforms()
    const error = supported.includes(here)
      ? new Error(
          `headshotpro: the native module for ${here} is not installed. It comes in the optional ` +
            `dependency headshotpro-${here}: reinstall without --omit=optional / --no-optional ` +
            '(if npm skipped it anyway, remove node_modules and package-lock.json and install again).',
        )
      : new Error(
          `headshotpro: no native module for this platform (${here}, Node ${process.version}). ` +
            `Supported platforms: ${supported.join(', ')}.`,
        )
    error.code = supported.includes(here) ? 'HEADSHOTPRO_NATIVE_MISSING' : 'HEADSHOTPRO_UNSUPPORTED_PLATFORM'
    error.platform = here
    error.supportedPlatforms = supported
    error.cause = cause
    throw error
  }
}

module.exports = { loadNative, currentPlatform, supportedPlatforms, platformOfTriple }
