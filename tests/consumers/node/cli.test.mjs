// The `headshotpro` command from the installed npm tarballs (`npx
// headshotpro`, the package's bin), against an in-process MockServer: a
// bulk import with duplicates and invalid rows, a run interrupted by Ctrl-C
// and resumed from its journal with nothing sent twice, --json, and the exit
// codes (0 ok, 1 API error, 2 usage), never with a stack trace. Ctrl-C is
// SIGINT sent to the installed bin.
import { test, before, after, beforeEach } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { MockServer } from 'headshotpro/testing'

const INVITE = '/api/v1/organization/invite'
let mock
let dir
before(async () => {
  mock = await MockServer.start({ devStepMs: 20, webhookDelayMs: 0 })
  dir = mkdtempSync(path.join(tmpdir(), 'hp-node-cli-'))
})
after(async () => {
  await mock.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(async () => {
  await mock.reset()
  await mock.setOrganization({ credits: 1000 })
})

/**
 * Starts `npx headshotpro ARGS`, or with `direct` the installed bin itself
 * (`node_modules/.bin/headshotpro`, so a signal reaches the command and not
 * npx in front of it).
 */
function start(args, env = {}, direct = false) {
  const [cmd, pre] = direct ? [path.resolve('node_modules/.bin/headshotpro'), []] : ['npx', ['--no-install', 'headshotpro']]
  const child = spawn(cmd, [...pre, ...args], {
    env: { ...process.env, HEADSHOTPRO_API_KEY: mock.apiKey, HEADSHOTPRO_BASE_URL: mock.url, ...env },
  })
  const out = { stdout: '', stderr: '' }
  child.stdout.on('data', (d) => (out.stdout += d))
  child.stderr.on('data', (d) => (out.stderr += d))
  out.done = new Promise((resolve) => child.on('close', (code) => resolve(code)))
  out.child = child
  return out
}

/** Runs `npx headshotpro ARGS`: `{ code, stdout, stderr }`. */
async function cli(args, env) {
  const run = start(args, env)
  const code = await run.done
  return { code, stdout: run.stdout, stderr: run.stderr }
}

function assertNoStack(text) {
  assert.ok(!/\n\s+at .+:\d+:\d+/.test(text) && !text.includes('panicked'), `a stack trace: ${text}`)
}

/** The emails of the invite POSTs the mock received. */
async function invitePosts() {
  return (await mock.requests()).filter((r) => r.method === 'POST' && r.path === INVITE)
}

function csv(name, rows) {
  const file = path.join(dir, name)
  writeFileSync(file, `email,name\n${rows.map((r) => `${r},x`).join('\n')}\n`)
  return file
}

test('an import of 300 rows with duplicates and invalid rows, as --json and a report', async () => {
  const rows = []
  for (let i = 0; i < 270; i++) rows.push(`person${i}@example.com`)
  for (let i = 0; i < 20; i++) rows.push(`PERSON${i}@example.com`)
  for (let i = 0; i < 10; i++) rows.push(`not-an-email-${i}`)
  const file = csv('people.csv', rows)
  const report = path.join(dir, 'report.csv')
  const { code, stdout, stderr } = await cli(['--json', 'invites', 'import', file, '--concurrency', '8', '--report', report])
  assert.equal(code, 0, stderr)
  const summary = JSON.parse(stdout)
  assert.equal(summary.rows, 300)
  assert.equal(summary.created, 290)
  assert.equal(summary.invalid, 10)
  assert.equal(summary.failed, 0)
  const posts = await invitePosts()
  assert.equal(posts.length, 270)
  const lines = readFileSync(report, 'utf8').trim().split('\n')
  assert.equal(lines[0], 'email,outcome,invite_id,error')
  assert.equal(lines.length, 301)
  assert.match(lines[1], /^person0@example\.com,created,/)
})

test('Ctrl-C stops an import with 130; the same command resumes it from the journal, nothing sent twice', async () => {
  const rows = Array.from({ length: 120 }, (_, i) => `user${i}@example.com`)
  const file = csv('users.csv', rows)
  const journal = path.join(dir, 'journal.jsonl')
  await mock.injectFault({ method: 'POST', path: INVITE, delayMs: 100, times: 10_000 })
  const run = start(['invites', 'import', file, '--concurrency', '4', '--journal', journal], {}, true)
  const deadline = Date.now() + 60_000
  const settled = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('"outcome"').length - 1 : 0)
  while (settled() < 20) {
    assert.ok(Date.now() < deadline, 'the import made no progress')
    await new Promise((r) => setTimeout(r, 20))
  }
  process.kill(run.child.pid, 'SIGINT')
  const code = await run.done
  assert.equal(code, 130, run.stderr)
  assert.match(run.stderr, /--journal/)
  assertNoStack(run.stderr)
  const before = (await invitePosts()).length
  assert.ok(before < 120, `interrupted before the end: ${before}`)
  await mock.clearFaults()

  const resumed = await cli(['--json', 'invites', 'import', file, '--journal', journal])
  assert.equal(resumed.code, 0, resumed.stderr)
  const summary = JSON.parse(resumed.stdout)
  assert.equal(summary.created, 120)
  assert.equal(summary.exists, 0)
  assert.ok(summary.resumed >= 20)
  const emails = (await mock.client().invites.list()).map((i) => i.email)
  assert.equal(emails.length, 120)
  assert.equal(new Set(emails).size, 120)
  assert.ok((await invitePosts()).length <= 120 + 4)
})

test('exit codes: 0 ok, 1 an API error, 2 usage and a missing key naming HEADSHOTPRO_API_KEY; never a stack trace', async () => {
  const ok = await cli(['--json', 'credits'])
  assert.equal(ok.code, 0, ok.stderr)
  assert.equal(JSON.parse(ok.stdout).credits, 1000)

  const wrongKey = await cli(['credits'], { HEADSHOTPRO_API_KEY: 'hp_wrong' })
  assert.equal(wrongKey.code, 1)
  assert.match(wrongKey.stderr, /AuthenticationError/)
  assert.equal(wrongKey.stderr.trim().split('\n').length, 1, wrongKey.stderr)

  const noKey = await cli(['credits'], { HEADSHOTPRO_API_KEY: '' })
  assert.equal(noKey.code, 2)
  assert.match(noKey.stderr, /HEADSHOTPRO_API_KEY/)

  const usage = await cli(['no-such-command'])
  assert.equal(usage.code, 2)

  for (const r of [ok, wrongKey, noKey, usage]) assertNoStack(r.stderr + r.stdout)
})
