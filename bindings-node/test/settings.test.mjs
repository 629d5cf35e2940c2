// The network settings: `proxy`, `extraRootCertificates` (against the
// mock's TLS mode), `maxRequestsPerMinute`, and `lastRateLimit`.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import { once } from 'node:events'
import * as hp from '../index.mjs'
import { MockServer } from '../testing.mjs'
import { useMock, requests, FAST } from './helpers.mjs'

const mock = useMock()

test('proxy: requests to a remote host go through it (absolute-form), with the key', async (t) => {
  const seen = []
  const proxy = http.createServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization })
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"credits":42}')
  })
  proxy.listen(0, '127.0.0.1')
  await once(proxy, 'listening')
  t.after(() => proxy.close())
  const client = new hp.Client({
    apiKey: 'hp_test_proxy',
    baseUrl: 'http://api.headshotpro.invalid',
    allowInsecureHttp: true,
    proxy: `http://127.0.0.1:${proxy.address().port}`,
    maxRetries: 0,
  })
  assert.equal(await client.organization.credits(), 42)
  assert.deepEqual(seen, [{ url: 'http://api.headshotpro.invalid/api/v1/organization/credits', authorization: 'Bearer hp_test_proxy' }])
})

test('proxy: a loopback base URL never uses it, and a malformed one is refused at construction', async () => {
  const client = new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url, proxy: 'http://127.0.0.1:9', maxRetries: 0 })
  assert.equal(await client.organization.credits(), 100)
  assert.throws(() => new hp.Client({ apiKey: 'k', proxy: 'not a url' }), hp.InvalidArgumentError)
  assert.throws(() => new hp.Client({ apiKey: 'k', proxy: 42 }), hp.InvalidArgumentError)
})

test('maxRequestsPerMinute: calls past the cap wait in the client', async () => {
  const client = new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url, maxRequestsPerMinute: 1, maxRetries: 0 })
  assert.equal(client.maxRequestsPerMinute, 1)
  assert.equal(new hp.Client({ apiKey: 'k' }).maxRequestsPerMinute, null)
  await client.organization.credits()
  const waiting = client.withOptions({ maxRetries: 0 }).organization.credits({ signal: AbortSignal.timeout(300) })
  await assert.rejects(waiting, hp.APIUserAbortError)
  assert.equal((await requests(mock, 'GET', '/api/v1/organization/credits')).length, 1, 'the second call never left')
  assert.throws(
    () => new hp.Client({ apiKey: 'k', maxRequestsPerMinute: 0 }),
    (err) => err instanceof hp.InvalidArgumentError && /maxRequestsPerMinute/.test(err.message) && !/max_requests/.test(err.message),
  )
  assert.throws(() => new hp.Client({ apiKey: 'k', maxRequestsPerMinute: -1 }), hp.InvalidArgumentError)
})

test('lastRateLimit: null before any answer, then the last headers, shared with withOptions clients', async () => {
  await mock.server.setOrganization({ rateLimit: 50 })
  const client = new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url })
  assert.equal(client.lastRateLimit, null)
  await client.organization.credits()
  const first = client.lastRateLimit
  assert.equal(first.limit, 50)
  assert.equal(first.remaining, 49)
  assert.ok(first.resetAt instanceof Date && first.resetAt > new Date())
  const child = client.withOptions({ timeoutMs: 5000 })
  await child.organization.retrieve()
  assert.equal(client.lastRateLimit.remaining, 48)
  assert.equal(child.lastRateLimit.remaining, 48)
})

test('extraRootCertificates: the TLS mock is trusted with its CA (string or Buffer), not without', async () => {
  const tls = await MockServer.start({ ...FAST, tls: true })
  try {
    assert.match(tls.url, /^https:\/\/127\.0\.0\.1:\d+$/)
    assert.match(tls.caPem, /^-----BEGIN CERTIFICATE-----/)
    assert.equal(await tls.client().organization.credits(), 100)
    const withBuffer = new hp.Client({ apiKey: tls.apiKey, baseUrl: tls.url, extraRootCertificates: Buffer.from(tls.caPem) })
    assert.equal(await withBuffer.organization.credits(), 100)
    const untrusted = new hp.Client({ apiKey: tls.apiKey, baseUrl: tls.url, maxRetries: 0 })
    await assert.rejects(untrusted.organization.credits(), hp.APIConnectionError)
    assert.throws(
      () => new hp.Client({ apiKey: 'k', extraRootCertificates: 'not a certificate' }),
      (err) => err instanceof hp.InvalidArgumentError && /extraRootCertificates/.test(err.message),
    )
    assert.throws(() => new hp.Client({ apiKey: 'k', extraRootCertificates: 7 }), hp.InvalidArgumentError)
  } finally {
    await tls.close()
  }
})
