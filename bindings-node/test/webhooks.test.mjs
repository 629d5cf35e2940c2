// Webhooks: parse, verify, forgeries, header shapes, and a real signed
// delivery from the mock to a node:http server.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import { once } from 'node:events'
import * as hp from '../index.mjs'
import { useMock } from './helpers.mjs'

const mock = useMock()
const SECRET = 'whsec_node_tests'
const BODY = JSON.stringify({
  id: 'evt_1',
  event: 'model.status.updated',
  createdAt: '2024-01-15T10:30:00.000Z',
  objectType: 'model',
  object: {
    _id: 'm1',
    uid: 'u1',
    title: 'Ada',
    trigger: 'female',
    status: 'generatingHeadshots',
    isDevelopment: true,
    finishedAt: null,
    deletedAt: null,
    inviteExpiresAt: '2024-12-31T23:59:59.000Z',
    createdAt: '2024-01-15T10:30:00.000Z',
    organization: 'o1',
  },
})

const now = () => Math.floor(Date.now() / 1000)
const signedHeaders = (body, ts = now(), secret = SECRET) => ({
  'x-headshotpro-signature': hp.signWebhook(body, secret, ts),
  'x-headshotpro-timestamp': String(ts),
})

test('parseWebhook: typed event, Dates, wire strings, from string or Buffer', () => {
  for (const raw of [BODY, Buffer.from(BODY), new TextEncoder().encode(BODY)]) {
    const event = hp.parseWebhook(raw)
    assert.equal(event.id, 'evt_1')
    assert.equal(event.event, 'model.status.updated')
    assert.ok(event.createdAt instanceof Date)
    assert.equal(event.createdAt.toISOString(), '2024-01-15T10:30:00.000Z')
    assert.equal(event.objectType, 'model')
    assert.equal(event.object.id, 'm1')
    assert.equal(event.object.status, 'generatingHeadshots')
    assert.ok(event.object.inviteExpiresAt instanceof Date)
    assert.equal(event.object.finishedAt ?? null, null)
  }
})

test('parseWebhook keeps unknown events and statuses; rejects bad payloads', () => {
  const event = hp.parseWebhook(BODY.replace('model.status.updated', 'model.retrained').replace('generatingHeadshots', 'retraining'))
  assert.equal(event.event, 'model.retrained')
  assert.equal(event.object.status, 'retraining')
  assert.throws(() => hp.parseWebhook('{"event":'), hp.WebhookVerificationError)
  assert.throws(() => hp.parseWebhook('{"event":"model.created"}'), hp.WebhookVerificationError)
  assert.throws(() => hp.parseWebhook({ event: 'model.created' }), hp.InvalidArgumentError)
})

test('the current events: photos_ready, and favorite_selected with its photoId', () => {
  const favorite = JSON.parse(BODY)
  favorite.event = 'model.favorite_selected'
  favorite.photoId = 'p42'
  const event = hp.parseWebhook(JSON.stringify(favorite))
  assert.equal(event.event, 'model.favorite_selected')
  assert.equal(event.photoId, 'p42')
  const ready = hp.parseWebhook(BODY.replace('model.status.updated', 'model.photos_ready'))
  assert.equal(ready.event, 'model.photos_ready')
  assert.equal(ready.photoId, undefined)
})

test('verifyWebhook accepts a good signature with req.headers as is', () => {
  const event = hp.verifyWebhook(BODY, signedHeaders(BODY), SECRET)
  assert.equal(event.object.id, 'm1')
  const buf = Buffer.from(BODY)
  assert.equal(hp.verifyWebhook(buf, signedHeaders(BODY), SECRET).id, 'evt_1')
  const h = signedHeaders(BODY)
  const headers = new Headers({ 'X-HeadshotPro-Signature': h['x-headshotpro-signature'], 'X-HeadshotPro-Timestamp': h['x-headshotpro-timestamp'] })
  assert.equal(hp.verifyWebhook(BODY, headers, SECRET).id, 'evt_1')
  const rotated = { ...h, 'x-headshotpro-signature': ['sha256=00', h['x-headshotpro-signature']], other: undefined }
  assert.equal(hp.verifyWebhook(BODY, rotated, SECRET).id, 'evt_1')
})

test('verifyWebhook rejects forgeries: wrong secret, tampered, stale, unsigned, bad hex', () => {
  const h = signedHeaders(BODY)
  assert.throws(() => hp.verifyWebhook(BODY, h, 'other-secret'), hp.WebhookVerificationError)
  assert.throws(() => hp.verifyWebhook(BODY.replace('Ada', 'Eve'), h, SECRET), hp.WebhookVerificationError)
  const old = now() - 3600
  assert.throws(() => hp.verifyWebhook(BODY, signedHeaders(BODY, old), SECRET), hp.WebhookVerificationError)
  assert.equal(hp.verifyWebhook(BODY, signedHeaders(BODY, old), SECRET, { toleranceSec: 7200 }).id, 'evt_1')
  assert.throws(() => hp.verifyWebhook(BODY, {}, SECRET), hp.WebhookVerificationError)
  assert.throws(
    () => hp.verifyWebhook(BODY, { ...h, 'x-headshotpro-signature': 'sha256=zz' }, SECRET),
    hp.WebhookVerificationError,
  )
  const err = (() => {
    try {
      hp.verifyWebhook(BODY, h, 'other-secret')
    } catch (e) {
      return e
    }
  })()
  assert.equal(err.name, 'WebhookVerificationError')
  assert.ok(err instanceof hp.HeadshotProError)
})

test('signWebhook matches the header constants and a Date timestamp', () => {
  assert.equal(hp.SIGNATURE_HEADER, 'X-HeadshotPro-Signature')
  assert.equal(hp.TIMESTAMP_HEADER, 'X-HeadshotPro-Timestamp')
  const ts = 1705314600
  assert.equal(hp.signWebhook(BODY, SECRET, new Date(ts * 1000)), hp.signWebhook(BODY, SECRET, ts))
  assert.match(hp.signWebhook(BODY, SECRET, ts), /^sha256=[0-9a-f]{64}$/)
  assert.throws(() => hp.signWebhook(BODY, SECRET, 1.5), hp.InvalidArgumentError)
})

test('a signed delivery from the mock verifies', async () => {
  const events = []
  const server = http.createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    try {
      events.push(hp.verifyWebhook(Buffer.concat(chunks), req.headers, SECRET))
      res.writeHead(200).end()
    } catch (e) {
      res.writeHead(400).end(String(e))
    }
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  try {
    const url = `http://127.0.0.1:${server.address().port}/hook`
    await mock.server.setOrganization({ webhookUrl: url, webhookSecret: SECRET })
    const client = new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url })
    const model = await client.models.create({ email: 'hook@example.com', isDevelopment: true })
    const deadline = Date.now() + 20_000
    while (!events.some((e) => e.object.id === model.modelId) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50))
    }
    const event = events.find((e) => e.object.id === model.modelId)
    assert.ok(event, 'a verified event arrived')
    assert.equal(event.event, 'model.created')
  } finally {
    server.close()
  }
})
