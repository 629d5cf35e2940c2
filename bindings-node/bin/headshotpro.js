#!/usr/bin/env node
'use strict'
// The `headshotpro` command (`npx headshotpro …`): the CLI built into the
// native module (the Rust crate headshotpro-cli), so no second binary ships.
// The command owns the process while it runs: its own runtime, Ctrl-C
// handling, output and exit code (0 ok, 1 an API or connection error,
// 2 usage). Nothing here prints a stack trace.

let native
try {
  native = require('../lib/platform.js').loadNative()
} catch (err) {
  process.stderr.write(`${err.message}\n`)
  process.exit(1)
}
process.exitCode = native.runCli(['headshotpro', ...process.argv.slice(2)])
