// The package's `bin` (bin/headshotpro.js, the CLI inside the native module)
// from this directory: exit codes, the missing-key message, --json, and
// Ctrl-C (SIGINT) ending a run with 130. The installed tarballs are tested
// the same way by the packages suite (tests/consumers/node/cli.test.mjs).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { useMock, fault, packageDir } from './helpers.mjs'

const mock = useMock()
const BIN = path.join(packageDir, 'bin', 'headshotpro.js')

function start(args, env = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, HEADSHOTPRO_API_KEY: mock.apiKey, HEADSHOTPRO_BASE_URL: mock.url, ...env },
  })
  const out = { child, stdout: '', stderr: '' }
  child.stdout.on('data', (d) => (out.stdout += d))
  child.stderr.on('data', (d) => (out.stderr += d))
  out.done = new Promise((resolve) => child.on('close', (code) => resolve(code)))
  return out
}

async function run(args, env) {
  const r = start(args, env)
  return { code: await r.done, stdout: r.stdout, stderr: r.stderr }
}

test('exit codes 0, 1 and 2, the key named when missing, no stack trace', async () => {
  const ok = await run(['--json', 'credits'])
  assert.equal(ok.code, 0, ok.stderr)
  assert.deepEqual(JSON.parse(ok.stdout), { credits: 100 })
  const wrong = await run(['credits'], { HEADSHOTPRO_API_KEY: 'hp_wrong' })
  assert.equal(wrong.code, 1)
  assert.match(wrong.stderr, /AuthenticationError/)
  const missing = await run(['credits'], { HEADSHOTPRO_API_KEY: '' })
  assert.equal(missing.code, 2)
  assert.match(missing.stderr, /HEADSHOTPRO_API_KEY/)
  const usage = await run(['frobnicate'])
  assert.equal(usage.code, 2)
  for (const r of [ok, wrong, missing, usage]) assert.ok(!/\n\s+at .+:\d+/.test(r.stderr), r.stderr)
})

test('Ctrl-C (SIGINT) stops an import with 130 and says how to resume', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-node-bin-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const csv = path.join(dir, 'u.csv')
  writeFileSync(csv, `email\n${Array.from({ length: 50 }, (_, i) => `u${i}@example.com`).join('\n')}\n`)
  const journal = path.join(dir, 'j.jsonl')
  await fault(mock, { method: 'POST', path: '/api/v1/organization/invite', delayMs: 200, times: 10_000 })
  const r = start(['invites', 'import', csv, '--journal', journal])
  const deadline = Date.now() + 30_000
  while (!existsSync(journal) || readFileSync(journal, 'utf8').split('"outcome"').length < 3) {
    assert.ok(Date.now() < deadline, 'no progress')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  r.child.kill('SIGINT')
  assert.equal(await r.done, 130, r.stderr)
  assert.match(r.stderr, /--journal/)
})
