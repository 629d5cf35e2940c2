// Every error class (instanceof along the hierarchy), retries, timeouts,
// abort, connection refused, and the key never leaking.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import util from 'node:util'
import * as hp from '../index.mjs'
import { useMock, requests, fault, closedPort } from './helpers.mjs'

const mock = useMock()
const client = (extra = {}) => new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url, maxRetries: 0, ...extra })
const errorBody = (code, error = 'nope') => JSON.stringify({ success: false, error, code })

/** Awaits a rejection and checks its class chain and fields. */
async function rejectsWith(promise, cls, fields = {}) {
  const err = await promise.then(
    () => assert.fail(`expected ${cls.name}`),
    (e) => e,
  )
  assert.ok(err instanceof cls, `expected ${cls.name}, got ${err?.name}: ${err?.message}`)
  assert.ok(err instanceof hp.HeadshotProError)
  assert.ok(err instanceof Error)
  for (const [k, v] of Object.entries(fields)) assert.deepEqual(err[k], v, k)
  return err
}

const apiCases = [
  ['BadRequestError', 400, 'INVALID_REQUEST'],
  ['InsufficientCreditsError', 402, 'INSUFFICIENT_CREDITS'],
  ['PermissionDeniedError', 403, 'FORBIDDEN'],
  ['NotFoundError', 404, 'NOT_FOUND'],
  ['InviteLimitError', 429, 'INVITE_LIMIT_EXCEEDED'],
  ['RateLimitError', 429, 'RATE_LIMIT_EXCEEDED'],
  ['ServerError', 500, 'INJECTED'],
  ['APIError', 418, 'INJECTED'],
]

for (const [name, status, code] of apiCases) {
  test(`${name} from a ${status} ${code} answer`, async () => {
    const spec = { method: 'GET', path: '/api/v1/organization', status, times: 1 }
    if (code !== 'INJECTED') spec.body = errorBody(code, `server says ${code}`)
    await fault(mock, spec)
    const err = await rejectsWith(client().organization.retrieve(), hp[name], {
      name,
      status,
      code,
      operation: 'organization.retrieve',
      mayHaveReachedServer: true,
    })
    assert.ok(err instanceof hp.APIError)
    assert.equal(typeof err.body, 'string')
    assert.ok(err.message.length > 0)
  })
}

test('AuthenticationError for a wrong key', async () => {
  const err = await rejectsWith(client({ apiKey: 'hp_wrong' }).organization.credits(), hp.AuthenticationError, {
    status: 401,
    code: 'UNAUTHORIZED',
  })
  assert.ok(err instanceof hp.APIError)
})

test('PermissionDeniedError when whitelabel is disabled', async () => {
  await mock.server.setOrganization({ whitelabel: false })
  await rejectsWith(client().models.create({ email: 'a@example.com' }), hp.PermissionDeniedError, { status: 403 })
})

test('NotFoundError for an unknown model', async () => {
  await rejectsWith(client().models.retrieve('nope'), hp.NotFoundError, { status: 404, code: 'NOT_FOUND' })
})

test('InvalidArgumentError: rejected locally, nothing sent', async () => {
  const c = client()
  await rejectsWith(c.invites.create({ email: 'no-at-sign' }), hp.InvalidArgumentError, { mayHaveReachedServer: false })
  await rejectsWith(c.teams.create({ name: '' }), hp.InvalidArgumentError)
  await rejectsWith(c.teams.addMembers('t1', { emails: [] }), hp.InvalidArgumentError)
  await rejectsWith(c.models.retrieve('..'), hp.InvalidArgumentError)
  await rejectsWith(c.models.retrieve(42), hp.InvalidArgumentError)
  await rejectsWith(c.invites.create(), hp.InvalidArgumentError)
  assert.equal((await requests(mock)).length, 0)
})

test('InvalidArgumentError at construction: no key, bad URL, bad timeout', () => {
  const saved = process.env.HEADSHOTPRO_API_KEY
  delete process.env.HEADSHOTPRO_API_KEY
  try {
    assert.throws(() => new hp.Client({ baseUrl: mock.url }), hp.InvalidArgumentError)
  } finally {
    if (saved !== undefined) process.env.HEADSHOTPRO_API_KEY = saved
  }
  assert.throws(() => new hp.Client({ apiKey: 'k', baseUrl: 'http://example.com' }), hp.InvalidArgumentError)
  assert.throws(() => new hp.Client({ apiKey: 'k', timeoutMs: -1 }), hp.InvalidArgumentError)
  assert.throws(() => new hp.Client({ apiKey: 'k', maxRetries: 'two' }), hp.InvalidArgumentError)
  for (const bad of [-1, 1.5, 2 ** 32]) {
    assert.throws(() => new hp.Client({ apiKey: 'k', maxRetries: bad }), hp.InvalidArgumentError, `maxRetries ${bad}`)
  }
})

test('ResponseDecodeError for a 2xx body the reference does not document', async () => {
  await fault(mock, { path: '/api/v1/organization/credits', status: 200, body: '{"success":true,"credits":"many"}', times: 1 })
  await rejectsWith(client().organization.credits(), hp.ResponseDecodeError, { status: 200 })
})

test('APIConnectionError on a refused connection, not sent', async () => {
  const port = await closedPort()
  const c = new hp.Client({ apiKey: 'k', baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 })
  const err = await rejectsWith(c.organization.credits(), hp.APIConnectionError)
  assert.ok(!(err instanceof hp.APITimeoutError))
  assert.equal(err.mayHaveReachedServer, false)
})

test('APITimeoutError when an attempt outlives timeoutMs', async () => {
  await fault(mock, { path: '/api/v1/organization/credits', delayMs: 3000, times: 1 })
  const started = Date.now()
  const err = await rejectsWith(client({ timeoutMs: 200 }).organization.credits(), hp.APITimeoutError)
  assert.ok(err instanceof hp.APIConnectionError)
  assert.ok(Date.now() - started >= 150)
})

test('models.wait gives up with APITimeoutError', async () => {
  const model = await client().models.create({ email: 'slow@example.com', isDevelopment: true })
  await rejectsWith(client().models.wait(model.modelId, { until: 'active', timeoutMs: 300 }), hp.APITimeoutError, {
    operation: 'models.wait',
  })
})

test('GET is retried on 503 until it succeeds', async () => {
  await fault(mock, { method: 'GET', path: '/api/v1/organization/credits', status: 503, times: 2 })
  assert.equal(await client({ maxRetries: 2 }).organization.credits(), 100)
  assert.equal((await requests(mock, 'GET', '/api/v1/organization/credits')).length, 3)
})

test('retries run out: ServerError after 1 + maxRetries attempts', async () => {
  await fault(mock, { method: 'GET', path: '/api/v1/organization', status: 500, times: 5 })
  await rejectsWith(client({ maxRetries: 2 }).organization.retrieve(), hp.ServerError, { status: 500 })
  assert.equal((await requests(mock, 'GET', '/api/v1/organization')).length, 3)
})

test('POST is not retried after a 500 (no duplicate invite)', async () => {
  await fault(mock, { method: 'POST', path: '/api/v1/organization/invite', status: 500, times: 1 })
  await rejectsWith(client({ maxRetries: 2 }).invites.create({ email: 'a@example.com' }), hp.ServerError)
  assert.equal((await requests(mock, 'POST', '/api/v1/organization/invite')).length, 1)
})

test('InviteLimitError is never retried', async () => {
  await fault(mock, { method: 'POST', path: '/api/v1/organization/invite', status: 429, body: errorBody('INVITE_LIMIT_EXCEEDED'), times: 3 })
  await rejectsWith(client({ maxRetries: 2 }).invites.create({ email: 'a@example.com' }), hp.InviteLimitError, { status: 429 })
  assert.equal((await requests(mock, 'POST', '/api/v1/organization/invite')).length, 1)
})

test('RateLimitError carries retryAfter and resetAt; a 429 waits Retry-After', async () => {
  const reset = '2030-01-01T00:00:00.000Z'
  await fault(mock, {
    method: 'GET',
    path: '/api/v1/organization/credits',
    status: 429,
    body: errorBody('RATE_LIMIT_EXCEEDED', 'slow down'),
    // Remaining above 0: at 0 the client's limiter would wait for Reset before the retry.
    headers: { 'Retry-After': '1', 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': reset },
    times: 2,
  })
  const started = Date.now()
  const err = await rejectsWith(client({ maxRetries: 1 }).organization.credits(), hp.RateLimitError, {
    retryAfter: 1,
    code: 'RATE_LIMIT_EXCEEDED',
  })
  assert.ok(Date.now() - started >= 950, 'waited Retry-After before the retry')
  assert.ok(err.resetAt instanceof Date)
  assert.equal(err.resetAt.toISOString(), reset)
  assert.deepEqual(err.rateLimit, { limit: 300, remaining: 5, resetAt: new Date(reset) })
  assert.equal((await requests(mock, 'GET', '/api/v1/organization/credits')).length, 2)
})

test('abort: a signal cancels the call with an AbortError-named APIUserAbortError', async () => {
  await fault(mock, { path: '/api/v1/organization/credits', delayMs: 10_000, times: 1 })
  const ac = new AbortController()
  const pending = client().organization.credits({ signal: ac.signal })
  setTimeout(() => ac.abort(new Error('user left')), 100)
  const started = Date.now()
  const err = await rejectsWith(pending, hp.APIUserAbortError, { name: 'AbortError' })
  assert.ok(Date.now() - started < 9_000, 'did not wait for the answer')
  assert.equal(err.cause.message, 'user left')
})

test('abort: an already aborted signal sends nothing', async () => {
  await rejectsWith(client().invites.create({ email: 'a@example.com' }, { signal: AbortSignal.abort() }), hp.APIUserAbortError)
  assert.equal((await requests(mock)).length, 0)
})

test('a signal that never aborts changes nothing', async () => {
  const ac = new AbortController()
  assert.equal(await client().organization.credits({ signal: ac.signal }), 100)
})

test('the API key never appears in String, JSON, inspect or stack', async () => {
  const secret = 'hp_live_do_not_print_me'
  const c = new hp.Client({ apiKey: secret, baseUrl: mock.url, maxRetries: 0 })
  const err = await c.organization.credits().catch((e) => e)
  assert.ok(err instanceof hp.AuthenticationError)
  for (const x of [c, err, c.organization, c.models]) {
    for (const text of [String(x), JSON.stringify(x) ?? '', util.inspect(x, { depth: 10, showHidden: true }), x.stack ?? '']) {
      assert.ok(!text.includes(secret), `key leaked in ${text}`)
      assert.ok(!text.includes('do_not_print'), `key leaked in ${text}`)
    }
  }
  const bad = (() => {
    try {
      return new hp.Client({ apiKey: secret, baseUrl: 'http://example.com' })
    } catch (e) {
      return e
    }
  })()
  assert.ok(bad instanceof hp.InvalidArgumentError)
  for (const text of [String(bad), JSON.stringify(bad), util.inspect(bad), bad.stack]) assert.ok(!text.includes(secret))
})
