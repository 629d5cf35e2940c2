// Operability in Node: the logger (the key never in any line, a throwing
// logger never fails a call, HEADSHOTPRO_LOG without code), request/response
// listeners, .withResponse(), client.request, headers and app info.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as hp from '../index.mjs'
import { useMock, requests, fault, packageDir } from './helpers.mjs'

const mock = useMock()
const client = (extra = {}) => new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url, ...extra })

/** A console-like logger keeping every call as `{ level, message, fields }`. */
function memoryLogger() {
  const lines = []
  const at = (level) => (message, fields) => lines.push({ level, message, fields })
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } }
}

/** Lets records and events queued by native threads reach JS (for checks that nothing more came). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

/** Waits until `condition()` holds (records and events arrive on Node's thread after the call). */
async function eventually(condition, what = 'the expected records') {
  const deadline = Date.now() + 10_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

test('debug logging of every operation never shows the key or a signed-URL token', async (t) => {
  const { lines, logger } = memoryLogger()
  const c = client({ logger, logLevel: 'debug', maxRetries: 1 })
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-node-log-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))

  const { modelIds } = await mock.server.seed({ members: 1, models: 1 })
  const org = await c.organization.retrieve()
  await c.organization.credits()
  const team = (await c.teams.create({ name: 'Growth' })).teams[0]
  await c.teams.update(team.id, { name: 'Growth 2' })
  await c.teams.addMembers(team.id, { emails: ['seed-1@example.com'] })
  await c.teams.list()
  const invite = await c.invites.create({ email: 'ada@example.com', teamId: team.id })
  await c.invites.list()
  await c.invites.retrieve(invite.id)
  await c.invites.retrieveByEmail('ada@example.com')
  await c.invites.createMany({ emails: ['b@example.com', 'not-an-email', 'b@example.com'] })
  await c.invites.revoke({ email: 'ada@example.com' })
  await c.members.list()
  const model = await c.models.create({ email: 'grace@example.com', isDevelopment: true })
  await c.models.retrieve(model.modelId)
  await c.models.wait(model.modelId, { until: 'onboarding', timeoutMs: 30_000 })
  await c.models.list()
  const photos = await c.photos.list(modelIds[0])
  await c.photos.retrieve(modelIds[0], photos.data[0].id)
  await c.photos.favorite(modelIds[0])
  await c.photos.downloadLinks(modelIds[0])
  await c.photos.favorites()
  await c.photos.save(modelIds[0], dir)
  await c.request('GET', '/api/v2/organization/teams', { query: { limit: 5 } })
  await c.models.delete(model.modelId)
  await fault(mock, { method: 'GET', path: '/api/v1/organization/credits', status: 503, times: 2 })
  await assert.rejects(c.organization.credits(), hp.ServerError)
  await assert.rejects(c.models.retrieve('missing'), hp.NotFoundError)
  await c.teams.delete(team.id)
  const levels = new Set()
  await eventually(() => {
    for (const l of lines) levels.add(l.level)
    return ['debug', 'info', 'warn', 'error'].every((level) => levels.has(level))
  })
  await settle()

  assert.ok(org.uid)
  for (const level of ['debug', 'info', 'warn', 'error']) assert.ok(levels.has(level), `no ${level} line`)
  const token = new URL(model.signedUrl).searchParams.get('token')
  assert.ok(token)
  for (const line of lines) {
    const text = `${line.message} ${JSON.stringify(line.fields)}`
    assert.ok(!text.includes(mock.apiKey), `the key in: ${text}`)
    assert.ok(!text.includes(token), `a signed-URL token in: ${text}`)
  }
  const info = lines.find((l) => l.level === 'info' && l.fields.operation === 'organization.credits')
  assert.match(info.message, /^organization\.credits: GET \/api\/v1\/organization\/credits -> 200 in [\d.]+ ms \(attempt 1\)/)
  assert.equal(info.fields.status, '200')
})

test('a logger that throws, or rejects, never fails the call', async () => {
  const throwing = { info: () => { throw new Error('logger down') }, warn: async () => { throw new Error('async down') } }
  const warnings = []
  const onWarning = (w) => warnings.push(w)
  process.on('warning', onWarning)
  try {
    const c = client({ logger: throwing, logLevel: 'info' })
    assert.equal(await c.organization.credits(), 100)
    assert.equal(await c.organization.credits(), 100)
    await eventually(() => warnings.length > 0, 'the warning')
    await settle()
  } finally {
    process.off('warning', onWarning)
  }
  assert.equal(warnings.filter((w) => w.code === 'HEADSHOTPRO_OBSERVER_FAILED').length, 1)
})

test('the level: logLevel, else warn with a logger; off passes nothing', async () => {
  const quiet = memoryLogger()
  const c = client({ logger: quiet.logger })
  assert.equal(c.logLevel, 'warn')
  await c.organization.credits()
  await fault(mock, { method: 'GET', path: '/api/v1/organization/credits', status: 503, times: 1 })
  await c.organization.credits()
  await eventually(() => quiet.lines.length > 0)
  await settle()
  assert.deepEqual(quiet.lines.map((l) => l.level), ['warn'])
  assert.match(quiet.lines[0].message, /-> 503 ServerError .* retrying in/)

  const off = memoryLogger()
  const silent = client({ logger: off.logger, logLevel: 'off' })
  await silent.organization.credits()
  await settle()
  assert.deepEqual(off.lines, [])
  assert.throws(() => client({ logLevel: 'loud' }), hp.InvalidArgumentError)
  assert.throws(() => client({ logger: 42 }), hp.InvalidArgumentError)
})

test('HEADSHOTPRO_LOG=info logs one line per attempt to stderr without code, and never the key', () => {
  const script = `
    const { Client } = require(${JSON.stringify(packageDir)})
    new Client({ apiKey: process.env.KEY, baseUrl: process.env.URL }).organization.credits()
      .then((n) => console.log('credits', n))`
  const run = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, HEADSHOTPRO_LOG: 'info', KEY: mock.apiKey, URL: mock.url },
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stderr)
  assert.match(run.stdout, /credits 100/)
  assert.match(run.stderr, /INFO headshotpro: organization\.credits: GET \/api\/v1\/organization\/credits -> 200 in/)
  assert.ok(!run.stderr.includes(mock.apiKey))
})

test('request and response listeners see every attempt; off() stops them; children share them', async () => {
  const c = client()
  const events = []
  const onRequest = (e) => events.push(['request', e])
  const onResponse = (e) => events.push(['response', e])
  c.on('request', onRequest).on('response', onResponse)
  await fault(mock, { method: 'GET', path: '/api/v1/organization/credits', status: 503, times: 1 })
  await c.withOptions({ timeoutMs: 5000 }).organization.credits()
  await eventually(() => events.length >= 4, 'four events')
  await settle()
  assert.deepEqual(
    events.map(([kind, e]) => [kind, e.attempt, e.status ?? null]),
    [['request', 1, null], ['response', 1, 503], ['request', 2, null], ['response', 2, 200]],
  )
  const [, failed] = events[1]
  assert.equal(failed.operation, 'organization.credits')
  assert.equal(failed.method, 'GET')
  assert.equal(failed.path, '/api/v1/organization/credits')
  assert.equal(failed.error, 'ServerError')
  assert.equal(failed.willRetry, true)
  assert.ok(failed.durationMs >= 0)
  c.off('request', onRequest).off('response', onResponse)
  events.length = 0
  await c.organization.credits()
  await settle()
  assert.deepEqual(events, [])
  let once = 0
  c.once('response', () => once++)
  await c.organization.credits()
  await c.organization.credits()
  await eventually(() => once > 0, 'the once listener')
  await settle()
  assert.equal(once, 1)
  assert.throws(() => c.on('error', () => {}), hp.InvalidArgumentError)
})

test('a listener that throws is logged at warn and never breaks the call', async () => {
  const { lines, logger } = memoryLogger()
  const c = client({ logger })
  c.on('response', () => {
    throw new Error('metrics down')
  })
  assert.equal(await c.organization.credits(), 100)
  await eventually(() => lines.length > 0, 'the warn line')
  await settle()
  assert.equal(lines.length, 1)
  assert.equal(lines[0].level, 'warn')
  assert.match(lines[0].message, /response listener failed; the call goes on: Error: metrics down/)
})

test('.withResponse() gives the data with the status, headers and rate limit', async () => {
  await mock.server.setOrganization({ rateLimit: 300, rateWindowMs: 60_000 })
  const c = client()
  const pending = c.organization.credits()
  assert.ok(pending instanceof hp.APIPromise && pending instanceof Promise)
  const { data, response } = await pending.withResponse()
  assert.equal(data, 100)
  assert.equal(response.status, 200)
  assert.match(response.headers.get('content-type'), /application\/json/)
  assert.equal(response.rateLimit.limit, 300)
  assert.equal(response.rateLimit.remaining, 299)
  assert.ok(response.rateLimit.resetAt instanceof Date)
  assert.equal(response.operation, 'organization.credits')
  assert.equal(response.attempt, 1)
  assert.deepEqual(c.lastRateLimit.remaining, 299)

  const page = await c.members.list({ limit: 5 }).withResponse()
  assert.ok(page.data instanceof hp.Page)
  assert.equal(page.response.path, '/api/v2/organization/team')

  await assert.rejects(c.models.retrieve('missing').withResponse(), hp.NotFoundError)
  const late = c.organization.credits()
  await late
  await assert.rejects(late.withResponse(), /withResponse\(\) must be called on the promise a call returns/)
})

test('client.request: query and JSON body, errors mapped, bad input refused before sending', async () => {
  const c = client()
  const teams = await c.request('POST', '/api/v1/organization/teams', { body: { name: 'Ops' } })
  assert.equal(teams.success, true)
  const listed = await c.request('GET', '/api/v2/organization/models', { query: { limit: 2, offset: 0 } })
  assert.equal(listed.pagination?.limit ?? listed.data?.pagination?.limit, 2)
  await assert.rejects(c.request('GET', '/api/v2/organization/whitelabel/model/get/missing'), hp.NotFoundError)
  const before = (await requests(mock)).length
  const cycle = {}
  cycle.self = cycle
  for (const body of [10n, cycle, () => 1]) {
    await assert.rejects(c.request('POST', '/api/v1/organization/teams', { body }), hp.InvalidArgumentError)
  }
  await assert.rejects(c.request('GET', 'https://evil.example/x'), hp.InvalidArgumentError)
  await assert.rejects(c.request('GET', '/api/../secret'), hp.InvalidArgumentError)
  await assert.rejects(c.request('TRACE', '/api/v1/organization'), hp.InvalidArgumentError)
  await assert.rejects(c.request('GET', '/api/v1/organization', { bogus: 1 }), hp.InvalidArgumentError)
  assert.equal((await requests(mock)).length, before)
})

test('default headers, per-call headers and app info reach the server; refused ones throw', async () => {
  const c = client({ defaultHeaders: { 'X-Team': 'growth' }, appInfo: { name: 'Acme', version: '1.2', url: 'https://acme.example' } })
  assert.match(c.userAgent, / Acme\/1\.2 \(https:\/\/acme\.example\)$/)
  await c.organization.credits()
  await c.withOptions({ headers: { 'x-team': 'call', 'X-Trace-Id': 't-1' } }).organization.credits()
  const [first, second] = await requests(mock, 'GET', '/api/v1/organization/credits')
  const lower = (h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]))
  assert.equal(lower(first.headers)['x-team'], 'growth')
  assert.equal(lower(second.headers)['x-team'], 'call')
  assert.equal(lower(second.headers)['x-trace-id'], 't-1')
  assert.throws(() => client({ defaultHeaders: { Authorization: 'Bearer x' } }), hp.InvalidArgumentError)
  assert.throws(() => client({ defaultHeaders: { 'X-A': 'a\r\nb' } }), hp.InvalidArgumentError)
  assert.throws(() => client({ defaultHeaders: { 'X-A': 1 } }), hp.InvalidArgumentError)
  assert.throws(() => client({ appInfo: { name: ' ' } }), hp.InvalidArgumentError)
  assert.throws(() => c.withOptions({ headers: { Host: 'x' } }), hp.InvalidArgumentError)
})
