// Turns the staged copy of bindings-node/package.json into the published
// main package's: optionalDependencies on one package per napi target, all
// at the package's own version (what napi's prepublish adds), and no
// development-only fields.
//
// Usage: node scripts/lib/npm-main-package.mjs STAGED/package.json
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { platformOfTriple } = require('../../bindings-node/lib/platform.js')

const file = process.argv[2]
const pkg = JSON.parse(readFileSync(file, 'utf8'))
pkg.optionalDependencies = Object.fromEntries(
  pkg.napi.targets.map((triple) => [`headshotpro-${platformOfTriple(triple)}`, pkg.version]),
)
delete pkg.devDependencies
delete pkg.scripts
writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n')
