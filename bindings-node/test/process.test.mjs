// Process-level guarantees: an idle process exits by itself, the typed
// example passes `tsc --noEmit --strict`, and CommonJS `require` works.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { useMock, packageDir } from './helpers.mjs'

const mock = useMock()

test('a process that finished its calls exits by itself', async () => {
  const script = `
    const hp = require(${JSON.stringify(packageDir)})
    const c = new hp.Client({ apiKey: process.env.KEY, baseUrl: process.env.URL, maxRetries: 0 })
    ;(async () => {
      await c.organization.retrieve()
      await Promise.all(Array.from({ length: 20 }, () => c.organization.credits()))
      await c.models.retrieve('nope').catch(() => {})
      const ac = new AbortController()
      await c.organization.credits({ signal: ac.signal })
      ac.abort()
      console.log('done')
    })()`
  const child = spawn(process.execPath, ['-e', script], {
    env: { ...process.env, KEY: mock.apiKey, URL: mock.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  const deadline = setTimeout(() => child.kill('SIGKILL'), 30_000)
  const [code, signal] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])))
  clearTimeout(deadline)
  assert.equal(signal, null, 'the child had to be killed: something kept the event loop alive')
  assert.equal(code, 0)
  assert.equal(out.trim(), 'done')
})

test('the typed example passes tsc --noEmit --strict', () => {
  const tsc = path.join(packageDir, 'node_modules', 'typescript', 'bin', 'tsc')
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '-p', path.join(packageDir, 'test', 'typed')], {
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stdout + run.stderr)
})

test('CommonJS and ES module entries expose the same objects', async () => {
  const { createRequire } = await import('node:module')
  const cjs = createRequire(import.meta.url)(packageDir)
  const esm = await import(path.join(packageDir, 'index.mjs'))
  for (const name of Object.keys(cjs)) assert.equal(esm[name], cjs[name], name)
})
