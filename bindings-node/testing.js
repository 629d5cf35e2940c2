'use strict'
// The `headshotpro/testing` entry point: MockServer, the HeadshotPro API
// emulator running inside the native module, for your own tests. Types:
// testing.d.ts.

// First the native module, so that a machine without one gets the error that
// names its platform and the supported ones.
require('./lib/platform.js').loadNative()

const { MockServer } = require('./lib/testing.js')

module.exports = { MockServer }
