// client.withOptions: per-call timeout and retries on a client sharing the
// original's connection pool, the original left unchanged.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as hp from '../index.mjs'
import { useMock, requests, fault } from './helpers.mjs'

const mock = useMock()
const client = (extra = {}) => new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url, ...extra })
const CREDITS = '/api/v1/organization/credits'

test('withOptions applies: a 200 ms timeout and no retries give APITimeoutError after one request', async () => {
  await fault(mock, { method: 'GET', path: CREDITS, status: 503, delayMs: 1000, times: 1 })
  const original = client({ maxRetries: 2 })
  const started = Date.now()
  const err = await original
    .withOptions({ timeoutMs: 200, maxRetries: 0 })
    .organization.credits()
    .then(() => assert.fail('expected APITimeoutError'), (e) => e)
  assert.ok(err instanceof hp.APITimeoutError, `got ${err?.name}: ${err?.message}`)
  assert.ok(err instanceof hp.APIConnectionError)
  assert.ok(Date.now() - started < 900, 'gave up before the delayed answer')
  assert.equal((await requests(mock, 'GET', CREDITS)).length, 1)
})

test('the original client is unchanged: it still retries a 503', async () => {
  const original = client({ maxRetries: 2, timeoutMs: 30_000 })
  const derived = original.withOptions({ timeoutMs: 200, maxRetries: 0 })
  assert.equal(derived.timeoutMs, 200)
  assert.equal(derived.maxRetries, 0)
  assert.equal(original.timeoutMs, 30_000)
  assert.equal(original.maxRetries, 2)
  assert.equal(derived.baseUrl, original.baseUrl)
  assert.equal(derived.userAgent, original.userAgent)
  assert.ok(derived instanceof hp.Client)
  assert.notEqual(derived, original)

  await fault(mock, { method: 'GET', path: CREDITS, status: 503, times: 1 })
  await assert.rejects(derived.organization.credits(), hp.ServerError)
  assert.equal((await requests(mock, 'GET', CREDITS)).length, 1)
  await fault(mock, { method: 'GET', path: CREDITS, status: 503, times: 1 })
  assert.equal(await original.organization.credits(), 100)
  assert.equal((await requests(mock, 'GET', CREDITS)).length, 3)
})

test('unset options keep the original settings; derived clients chain', () => {
  const original = client({ maxRetries: 3, timeoutMs: 1500 })
  const onlyRetries = original.withOptions({ maxRetries: 0 })
  assert.equal(onlyRetries.timeoutMs, 1500)
  assert.equal(onlyRetries.maxRetries, 0)
  const both = onlyRetries.withOptions({ timeoutMs: 2.5 })
  assert.equal(both.timeoutMs, 2.5)
  assert.equal(both.maxRetries, 0)
  const same = original.withOptions({})
  assert.deepEqual([same.timeoutMs, same.maxRetries], [1500, 3])
  const defaults = client()
  assert.deepEqual([defaults.timeoutMs, defaults.maxRetries], [60_000, 2])
})

test('a derived client serves organization and model calls, concurrently too', async () => {
  const derived = client().withOptions({ timeoutMs: 5000 })
  const org = await derived.organization.retrieve()
  assert.equal(typeof org.uid, 'string')
  const model = await derived.models.create({ email: 'opts@example.com', isDevelopment: true })
  assert.equal((await derived.models.retrieve(model.modelId)).modelId, model.modelId)
  const results = await Promise.all(Array.from({ length: 20 }, () => derived.organization.credits()))
  assert.ok(results.every((n) => typeof n === 'number'))
})

test('an AbortSignal still cancels a call on a derived client', async () => {
  await fault(mock, { path: CREDITS, delayMs: 10_000, times: 1 })
  const ac = new AbortController()
  const pending = client().withOptions({ timeoutMs: 30_000, maxRetries: 0 }).organization.credits({ signal: ac.signal })
  setTimeout(() => ac.abort(new Error('user left')), 100)
  const started = Date.now()
  const err = await pending.then(() => assert.fail('expected APIUserAbortError'), (e) => e)
  assert.ok(err instanceof hp.APIUserAbortError, `got ${err?.name}: ${err?.message}`)
  assert.equal(err.name, 'AbortError')
  assert.equal(err.cause.message, 'user left')
  assert.ok(Date.now() - started < 9_000, 'did not wait for the answer')
})

test('withOptions rejects bad arguments with InvalidArgumentError, sending nothing', async () => {
  const c = client()
  for (const bad of [
    undefined,
    null,
    5000,
    'fast',
    [],
    { timeoutMs: '200' },
    { timeoutMs: -1 },
    { timeoutMs: Number.NaN },
    { timeoutMs: Infinity },
    { maxRetries: -1 },
    { maxRetries: 1.5 },
    { maxRetries: '2' },
    { maxRetries: 2 ** 32 },
    { timeout: 200 },
    { signal: AbortSignal.abort() },
  ]) {
    assert.throws(() => c.withOptions(bad), hp.InvalidArgumentError, `withOptions(${String(bad && JSON.stringify(bad))})`)
  }
  assert.equal(c.withOptions({ timeoutMs: null, maxRetries: undefined }).maxRetries, 2)
  assert.equal((await requests(mock)).length, 0)
})
