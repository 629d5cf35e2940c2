// The loader's answer on a platform no package is built for: pretend to be
// linux on riscv64 before the package loads, and expect one clear error that
// names the platform and the supported list (never a crash or a
// "Cannot find module" chain).
const assert = require('node:assert/strict')

Object.defineProperty(process, 'arch', { value: 'riscv64' })
try {
  require('headshotpro')
  assert.fail('headshotpro loaded on an unsupported platform')
} catch (err) {
  assert.equal(err.code, 'HEADSHOTPRO_UNSUPPORTED_PLATFORM', String(err))
  assert.match(err.message, /no native module for this platform \(linux-riscv64-gnu/)
  assert.match(err.message, /Supported platforms: .*linux-x64-gnu.*darwin-arm64.*win32-x64-msvc/)
  console.log(err.message)
  console.log('ok: node unsupported platform')
}
