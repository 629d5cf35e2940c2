// headshotpro/testing's MockServer itself: options, typed control calls,
// errors, close, disposal, CommonJS, and a process that forgets close().
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import * as hp from '../index.mjs'
import { MockServer } from '../testing.mjs'
import { packageDir, FAST } from './helpers.mjs'

/** A started mock closed when the test ends. */
async function started(t, options = FAST) {
  const mock = await MockServer.start(options)
  t.after(() => mock.close())
  return mock
}

test('start options reach the mock, and client() is configured for it', async (t) => {
  const mock = await started(t, { ...FAST, credits: 7, apiKey: 'hp_test_custom', whitelabel: false, photosPerModel: 3 })
  assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  assert.equal(mock.cdnUrl, mock.url.replace('127.0.0.1', 'localhost'))
  assert.equal(mock.apiKey, 'hp_test_custom')
  assert.equal(mock.caPem, null)
  const client = mock.client({ maxRetries: 0 })
  assert.equal(client.baseUrl, mock.url)
  assert.equal(await client.organization.credits(), 7)
  await assert.rejects(client.models.create({ email: 'a@example.com' }), hp.PermissionDeniedError)
  const org = await mock.organization()
  assert.deepEqual([org.credits, org.whitelabel, org.photosPerModel, org.rateWindowMs, org.envelope], [7, false, 3, 60000, 'top'])
  await assert.rejects(MockServer.start({ credit: 5 }), (err) => err instanceof hp.InvalidArgumentError && /unknown option credit/.test(err.message))
  await assert.rejects(MockServer.start({ devStepMs: -1 }), hp.InvalidArgumentError)
  assert.throws(() => new MockServer(), hp.InvalidArgumentError)
})

test('a busy port falls back to another; organizations add keys', async (t) => {
  const holder = net.createServer()
  holder.listen(0, '127.0.0.1')
  await new Promise((resolve) => holder.once('listening', resolve))
  t.after(() => holder.close())
  const busy = holder.address().port
  const mock = await started(t, { port: busy, organizations: [{ apiKey: 'hp_test_second', credits: 3, name: 'Second' }] })
  assert.notEqual(new URL(mock.url).port, String(busy))
  const second = mock.client({ apiKey: 'hp_test_second' })
  assert.equal(await second.organization.credits(), 3)
  assert.equal((await second.organization.retrieve()).name, 'Second')
})

test('control calls drive the state and answer typed records', async (t) => {
  const mock = await started(t)
  const client = mock.client()
  const invite = await client.invites.create({ email: 'ada@example.com' })
  const accepted = await mock.acceptInvite(invite.id)
  assert.deepEqual([accepted.id, accepted.status, accepted.used], [invite.id, 'waiting-for-upload', true])
  assert.ok(accepted.createdAt instanceof Date)
  assert.equal((await mock.uploadPhotos(invite.id)).status, 'generating-headshots')
  assert.equal((await mock.advanceInvite(invite.id)).status, 'active')

  const model = await client.models.create({ email: 'dev@example.com' })
  const onboarded = await mock.completeOnboarding(model.modelId)
  assert.deepEqual([onboarded.modelId, onboarded.status, onboarded.isDevelopment, onboarded.version], [model.modelId, 'waiting', false, 'lora'])
  assert.equal((await mock.advance(model.modelId)).status, 'pending')
  assert.equal((await mock.fail(model.modelId)).status, 'failed')
  await mock.advance(model.modelId)
  await mock.advance(model.modelId)
  const active = await mock.advance(model.modelId)
  assert.deepEqual([active.status, active.photoCount], ['active', 8])
  assert.ok(active.finishedAt instanceof Date)
  const photos = await mock.photos(model.modelId)
  assert.equal(photos.length, 8)
  assert.equal((await mock.likePhoto(photos[1].id)).likedStatus, 'liked')
  assert.equal((await mock.likePhoto(photos[1].id, 'none')).likedStatus, 'none')
  assert.equal((await mock.chooseFavorite(model.modelId, photos[0].id)).favoritePhotoId, photos[0].id)
  assert.equal((await client.photos.favorite(model.modelId)).id, photos[0].id)
  assert.equal((await mock.organization()).credits, 98)

  const seeded = await mock.seed({ members: 5, models: 2 })
  assert.deepEqual([seeded.members, seeded.modelIds.length], [5, 2])
  const state = await mock.state()
  assert.ok(Array.isArray(state.organizations))
})

test('unknown ids reject with NotFoundError, steps that do not apply with a 409 APIError', async (t) => {
  const mock = await started(t)
  for (const call of [
    () => mock.acceptInvite('nope'),
    () => mock.completeOnboarding('nope'),
    () => mock.photos('nope'),
    () => mock.likePhoto('nope', 'loved'),
  ]) {
    await assert.rejects(call(), (err) => err instanceof hp.NotFoundError && err.status === 404 && err.code === 'NOT_FOUND')
  }
  const model = await mock.client().models.create({ email: 'a@example.com', isDevelopment: true })
  await assert.rejects(mock.fail(model.modelId), (err) => err.constructor === hp.APIError && err.status === 409 && err.code === 'INVALID_STATE')
  await assert.rejects(mock.likePhoto('p', 'adored'), hp.InvalidArgumentError)
  await assert.rejects(mock.setOrganization({ envelope: 'inside' }), hp.InvalidArgumentError)
  await assert.rejects(mock.setOrganization({ credits: -1 }), hp.InvalidArgumentError)
  await assert.rejects(mock.injectFault({ path: '/api/', after: 'explode' }), hp.InvalidArgumentError)
  await assert.rejects(mock.acceptInvite(42), hp.InvalidArgumentError)
})

test('settings, faults, the request log and the webhook log', async (t) => {
  const mock = await started(t)
  const client = mock.client({ maxRetries: 0 })
  const org = await mock.setOrganization({ credits: 3, webhookUrl: 'http://127.0.0.1:9/hooks', inviteLimit: 1 })
  assert.deepEqual([org.credits, org.webhookUrl, org.inviteLimit], [3, 'http://127.0.0.1:9/hooks', 1])
  const cleared = await mock.setOrganization({ webhookUrl: null, inviteLimit: null })
  assert.deepEqual([cleared.webhookUrl, cleared.inviteLimit], [undefined, undefined])

  const id = await mock.injectFault({ method: 'GET', path: '/api/v1/organization/credits', status: 503, headers: { 'X-Test': 'yes' } })
  assert.equal(typeof id, 'number')
  await assert.rejects(client.organization.credits(), (err) => err instanceof hp.ServerError && err.code === 'INJECTED')
  await mock.injectFault({ path: '/api/v1/organization/credits', body: { success: true, credits: 'many' } })
  await assert.rejects(client.organization.credits(), hp.ResponseDecodeError)
  await mock.injectFault({ path: '/api/v1/organization/credits', body: '{"success": tru' })
  await assert.rejects(client.organization.credits(), hp.ResponseDecodeError)
  await mock.injectFault({ path: '/api/v1/organization/credits', status: 500, times: 5 })
  await mock.clearFaults()
  assert.equal(await client.organization.credits(), 3)

  const log = await mock.requests()
  assert.equal(log.length, 4)
  assert.deepEqual([log[0].method, log[0].path, log[0].query], ['GET', '/api/v1/organization/credits', ''])
  assert.equal(log[0].headers.authorization, `Bearer ${mock.apiKey}`)
  assert.match(log[0].headers['user-agent'], /^headshotpro-node\//)
  await mock.clearRequests()
  assert.deepEqual(await mock.requests(), [])

  await mock.setOrganization({ webhookUrl: 'http://127.0.0.1:9/hooks' })
  const model = await client.models.create({ email: 'hook@example.com', isDevelopment: true })
  let hooks = []
  while (hooks.length === 0) {
    await new Promise((r) => setTimeout(r, 20))
    hooks = await mock.webhooks()
  }
  assert.deepEqual([hooks[0].event, hooks[0].modelId, hooks[0].attempt, hooks[0].status], ['model.created', model.modelId, 1, undefined])
  assert.match(hooks[0].eventId, /^evt_/)
  assert.equal(typeof hooks[0].error, 'string')
  assert.ok(hooks[0].at instanceof Date)
  await mock.clearWebhooks()
  await mock.reset()
  assert.equal((await mock.organization()).credits, 100)
})

test('close is idempotent, control calls after it reject, and await using closes', async () => {
  const mock = await MockServer.start(FAST)
  const url = mock.url
  await mock.close()
  await mock.close()
  await assert.rejects(mock.reset(), (err) => err instanceof hp.HeadshotProError && /closed/.test(err.message))
  await assert.rejects(fetch(`${url}/__mock/health`))

  const disposed = await MockServer.start(FAST)
  await disposed[Symbol.asyncDispose]()
  await assert.rejects(fetch(`${disposed.url}/__mock/health`))
})

test('CommonJS require of headshotpro/testing gives the same class', async () => {
  const require = createRequire(import.meta.url)
  const cjs = require(path.join(packageDir, 'testing.js'))
  assert.equal(cjs.MockServer, MockServer)
})

test('a process that forgets close() still exits by itself', async () => {
  const script = `
    const { MockServer } = require(${JSON.stringify(path.join(packageDir, 'testing.js'))})
    ;(async () => {
      const mock = await MockServer.start({ devStepMs: 20, webhookDelayMs: 0, webhookUrl: 'http://127.0.0.1:9/x' })
      const client = mock.client()
      await client.organization.credits()
      const model = await client.models.create({ email: 'a@example.com', isDevelopment: true })
      await mock.completeOnboarding(model.modelId)
      console.log('done')
    })()`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  const deadline = setTimeout(() => child.kill('SIGKILL'), 30_000)
  const [code, signal] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])))
  clearTimeout(deadline)
  assert.equal(signal, null, 'the child had to be killed: the mock kept the event loop alive')
  assert.equal(code, 0)
  assert.equal(out.trim(), 'done')
})
