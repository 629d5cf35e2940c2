// What must hold whatever happens inside: a panic in the core settles the
// promise with an error naming the operation, a timeout is a connection
// error, every API error carries the rate-limit headers, a model prints with
// its signed URL redacted, and the refusal of plain http speaks Node.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import util from 'node:util'
import { createRequire } from 'node:module'
import * as hp from '../index.mjs'
import { useMock, fault } from './helpers.mjs'

const require = createRequire(import.meta.url)
const native = require('../native.js')
const { invoke } = require('../lib/call.js')

const mock = useMock()
const client = (extra = {}) => new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url, maxRetries: 0, ...extra })

test('a panic inside the runtime settles the promise with a HeadshotProError naming the operation', async () => {
  // A debug-build hook (the test build is one) that panics inside the runtime.
  assert.equal(typeof native.__panicInRuntime, 'function')
  const settled = await Promise.all(
    Array.from({ length: 8 }, () => invoke(undefined, () => native.__panicInRuntime()).then(assert.fail, (e) => e)),
  )
  for (const err of settled) {
    assert.equal(err.constructor, hp.HeadshotProError)
    assert.equal(err.operation, 'testing.panic')
    assert.match(err.message, /testing\.panic/)
    assert.match(err.message, /a deliberate panic, for the tests/)
  }
  assert.equal(await client().organization.credits(), 100, 'the runtime still serves calls')
})

test('a timeout is a connection error', async () => {
  await fault(mock, { method: 'GET', path: '/api/v1/organization/credits', delayMs: 2000, times: 1 })
  const err = await client({ timeoutMs: 200 }).organization.credits().then(assert.fail, (e) => e)
  assert.ok(err instanceof hp.APITimeoutError)
  assert.ok(err instanceof hp.APIConnectionError)
  assert.equal(err.mayHaveReachedServer, true)
})

test('every API error carries the rate-limit headers, not only RateLimitError', async () => {
  const headers = {
    'X-RateLimit-Limit': '300',
    'X-RateLimit-Remaining': '12',
    'X-RateLimit-Reset': '2030-01-01T00:00:00.000Z',
    'Retry-After': '3',
  }
  for (const [status, cls] of [
    [404, hp.NotFoundError],
    [500, hp.ServerError],
    [403, hp.PermissionDeniedError],
  ]) {
    await fault(mock, { method: 'GET', path: '/api/v1/organization', status, headers, times: 1 })
    const err = await client().organization.retrieve().then(assert.fail, (e) => e)
    assert.ok(err instanceof cls, `${status}: ${err}`)
    assert.deepEqual(err.rateLimit, { limit: 300, remaining: 12, resetAt: new Date('2030-01-01T00:00:00.000Z') })
    assert.equal(err.retryAfter, 3)
    assert.deepEqual(err.resetAt, new Date('2030-01-01T00:00:00.000Z'))
  }
})

test('a model prints its signed URL redacted; the property stays whole', async () => {
  const c = client()
  const created = await c.models.create({ email: 'ada@example.com', isDevelopment: true })
  for (const model of [created, await c.models.retrieve(created.modelId)]) {
    const token = new URL(model.signedUrl).searchParams.get('token')
    assert.ok(token && token.length > 8)
    for (const shown of [util.inspect(model), util.inspect([model], { depth: 4 }), util.format('%o', model)]) {
      assert.ok(!shown.includes(token), shown)
      assert.ok(shown.includes('token=[redacted]') && shown.includes(model.modelId), shown)
    }
    assert.ok(JSON.stringify(model).includes(token))
    assert.deepEqual(Object.keys(model), ['modelId', 'status', 'isDevelopment', 'signedUrl'])
    assert.equal({ ...model }.signedUrl, model.signedUrl)
  }
})

test('plain http to a remote host is refused in Node terms, and allowed with allowInsecureHttp', () => {
  assert.throws(
    () => new hp.Client({ apiKey: 'k', baseUrl: 'http://api.example.com' }),
    (err) =>
      err instanceof hp.InvalidArgumentError &&
      err.message.includes('pass allowInsecureHttp: true in the client options') &&
      !err.message.includes('allow_insecure_http'),
  )
  const insecure = new hp.Client({ apiKey: 'k', baseUrl: 'http://api.example.com', allowInsecureHttp: true })
  assert.match(insecure.baseUrl, /^http:\/\/api\.example\.com/)
})
