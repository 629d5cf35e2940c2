// The current API (V2) through the public package: pages and the for-await
// walk (lazy, guarded), local validation, photos, favorites, download links,
// photos.save (files, progress, a throwing callback, abort, expired URLs)
// and request options in place of optional params.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import util from 'node:util'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as hp from '../index.mjs'
import { useMock, requests, fault } from './helpers.mjs'

const mock = useMock()
const client = (extra = {}) => new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url, maxRetries: 0, ...extra })
const MEMBERS = '/api/v2/organization/team'

/** A fresh directory for a save, removed by `t.after`. */
function directory(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-node-save-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** One seeded active model with its photos: its id and photos. */
async function seededModel(c) {
  const { modelIds } = await mock.server.seed({ models: 1 })
  const photos = await c.photos.list(modelIds[0])
  return { modelId: modelIds[0], photos: photos.data }
}

test('a list call is a promise of a page, and for await on it walks every item', async () => {
  await mock.server.seed({ members: 450 })
  const c = client()
  const pending = c.members.list({ limit: 200 })
  assert.ok(pending instanceof Promise)
  assert.ok(pending instanceof hp.PagePromise)
  assert.ok(pending.then(() => {}) instanceof Promise && !(pending.then(() => {}) instanceof hp.PagePromise))
  const page = await pending
  assert.ok(page instanceof hp.Page)
  assert.equal(page.data.length, 200)
  assert.equal(page.items, page.data)
  assert.deepEqual([page.total, page.limit, page.offset, page.hasMore, page.hasNextPage()], [450, 200, 0, true, true])
  const second = await page.getNextPage()
  assert.deepEqual([second.offset, second.data.length], [200, 200])
  const third = await second.getNextPage()
  assert.deepEqual([third.offset, third.data.length, third.hasMore, third.hasNextPage()], [400, 50, false, false])
  await assert.rejects(third.getNextPage(), hp.HeadshotProError)

  const emails = []
  for await (const member of c.members.list({ limit: 200 })) emails.push(member.email)
  assert.equal(emails.length, 450)
  assert.equal(new Set(emails).size, 450)
  assert.equal(emails[0], 'seed-1@example.com')

  const offsets = []
  for await (const p of page.iterPages()) offsets.push(p.offset)
  assert.deepEqual(offsets, [0, 200, 400])
  let fromSecond = 0
  for await (const member of second) fromSecond += member.status === 'accepted' ? 1 : 0
  assert.equal(fromSecond, 250)
})

test('the walk fetches a page only when it reaches it', async () => {
  await mock.server.seed({ members: 10 })
  const seen = []
  for await (const member of client().members.list({ limit: 2 })) {
    seen.push(member.email)
    if (seen.length === 3) break
  }
  assert.equal(seen.length, 3)
  const log = await requests(mock, 'GET', MEMBERS)
  assert.deepEqual(
    log.map((r) => r.query),
    ['limit=2', 'limit=2&offset=2'],
  )
})

test('a walk stops at an empty page that says hasMore, and refuses a server that repeats a page', async () => {
  const member = { id: 'm1', email: 'a@example.com', status: 'accepted' }
  const answer = (members, offset, hasMore) => ({
    success: true,
    members,
    pagination: { total: 9, limit: 1, offset, hasMore },
  })
  await fault(mock, { method: 'GET', path: MEMBERS, status: 200, body: answer([member], 0, true) })
  await fault(mock, { method: 'GET', path: MEMBERS, status: 200, body: answer([], 1, true) })
  const walked = []
  for await (const m of client().members.list({ limit: 1 })) walked.push(m.id)
  assert.deepEqual(walked, ['m1'])

  await fault(mock, { method: 'GET', path: MEMBERS, status: 200, body: answer([member], 0, true), times: 2 })
  const repeated = []
  await assert.rejects(
    (async () => {
      for await (const m of client().members.list({ limit: 1 })) repeated.push(m.id)
    })(),
    (err) => err instanceof hp.ResponseDecodeError && /same 1 items/.test(err.message),
  )
  assert.deepEqual(repeated, ['m1'])
})

test('limit, offset and parameters are checked before anything is sent', async () => {
  const c = client()
  for (const params of [{ limit: 0 }, { limit: 201 }, { offset: -1 }]) {
    await assert.rejects(c.members.list(params), hp.InvalidArgumentError, JSON.stringify(params))
    await assert.rejects(
      (async () => {
        for await (const m of c.photos.list('m1', params)) assert.fail(m)
      })(),
      hp.InvalidArgumentError,
    )
  }
  await assert.rejects(c.models.list({ limit: 1.5 }), /limit must be an integer/)
  await assert.rejects(c.members.list({ limt: 10 }), (err) => err instanceof hp.InvalidArgumentError && /unknown parameter limt/.test(err.message))
  await assert.rejects(c.photos.save('m1', ''), hp.InvalidArgumentError)
  await assert.rejects(c.photos.save('m1', tmpdir(), { concurrency: 0 }), hp.InvalidArgumentError)
  assert.equal((await requests(mock)).length, 0)
})

test('request options may stand in place of optional params, and abort a walk', async () => {
  await mock.server.seed({ members: 3 })
  const c = client()
  const page = await c.members.list({ signal: new AbortController().signal })
  assert.equal(page.total, 3)
  const ac = new AbortController()
  ac.abort()
  await assert.rejects(c.members.list({ signal: ac.signal }), { name: 'AbortError' })
  await assert.rejects(c.models.wait('nope', { signal: ac.signal }), hp.APIUserAbortError)
  await assert.rejects(page.getNextPage({ signal: ac.signal }), hp.HeadshotProError)
})

test('teams, invites by email, model lists with version, and filters', async () => {
  const c = client()
  const org = await c.teams.create({ name: 'Design' })
  assert.deepEqual(await c.teams.list(), org.teams)
  const teamId = org.teams[0].id
  const invite = await c.invites.create({ email: 'Ada@Example.com', teamId })
  const byEmail = await c.invites.retrieveByEmail('ada@example.com')
  assert.deepEqual([byEmail.id, byEmail.status, byEmail.teamId, byEmail.teamName], [invite.id, 'pending', teamId, 'Design'])
  assert.ok(byEmail.createdAt instanceof Date)
  await assert.rejects(c.invites.retrieveByEmail('nobody@example.com'), hp.NotFoundError)

  const model = await c.models.create({ email: 'dev@example.com', teamId, isDevelopment: true, version: 'one-shot' })
  const [req] = await requests(mock, 'POST', '/api/v2/organization/whitelabel/model/create')
  assert.deepEqual(JSON.parse(req.body), { email: 'dev@example.com', teamId, isDevelopment: true, version: 'one-shot' })
  const models = await c.models.list({ teamId, status: 'onboarding' })
  assert.deepEqual(
    models.data.map((m) => [m.id, m.email, m.version, m.isDevelopment, m.teamName]),
    [[model.modelId, 'dev@example.com', 'one-shot', true, 'Design']],
  )
  assert.ok(models.data[0].createdAt instanceof Date)
  assert.equal((await c.models.list({ status: 'active' })).total, 0)
})

test('photos: list, retrieve, favorite (null, then chosen), favorites, download links; URLs print redacted', async () => {
  const c = client()
  const { modelId, photos } = await seededModel(c)
  assert.equal(photos.length, 8)
  const [first] = photos
  assert.deepEqual([first.modelId, first.status, first.likedStatus], [modelId, 'active', 'none'])
  assert.ok(first.createdAt instanceof Date && first.expiresAt instanceof Date)
  assert.equal(first.urls.thumbnail, undefined)

  const all = await c.photos.retrieve(modelId, first.id, { include: 'all' })
  assert.match(all.urls.original, /original\.png\?/)
  const signature = new URL(all.urls.main).searchParams.get('signature')
  const shown = util.inspect(all, { depth: 4 })
  assert.ok(!shown.includes(signature) && shown.includes('signature=[redacted]'), shown)
  assert.ok(JSON.stringify(all).includes(signature))

  assert.equal(await c.photos.favorite(modelId), null)
  await mock.server.likePhoto(first.id, 'loved')
  await mock.server.chooseFavorite(modelId, first.id)
  const favorite = await c.photos.favorite(modelId)
  assert.deepEqual([favorite.id, favorite.likedStatus], [first.id, 'loved'])
  assert.deepEqual((await c.photos.list(modelId, { likedStatus: 'loved' })).data.map((p) => p.id), [first.id])

  const favorites = []
  for await (const f of c.photos.favorites()) favorites.push(f)
  assert.deepEqual(
    favorites.map((f) => [f.id, f.email]),
    [[first.id, 'seed-model-1@example.com']],
  )

  const links = await c.photos.downloadLinks(modelId, { photoIds: [first.id, photos[1].id] })
  assert.deepEqual(links.downloads.map((d) => d.photoId), [first.id, photos[1].id])
  assert.ok(links.expiresAt instanceof Date)
  const linkShown = util.inspect(links, { depth: 4 })
  assert.ok(!linkShown.includes(new URL(links.downloads[0].url).searchParams.get('signature')), linkShown)
  await assert.rejects(c.photos.downloadLinks(modelId, { photoIds: [] }), hp.InvalidArgumentError)
  await assert.rejects(c.photos.retrieve(modelId, 'nope'), hp.NotFoundError)
})

test('photos.save writes every photo without the key, reports progress before it settles, and never overwrites unasked', async (t) => {
  const c = client()
  const { modelId, photos } = await seededModel(c)
  const dir = directory(t)
  const progress = []
  const report = await c.photos.save(modelId, dir, { concurrency: 3, onProgress: (p) => progress.push(p) })
  assert.equal(progress.length, 8, 'every report arrived before the promise settled')
  assert.deepEqual(progress.map((p) => p.completed), [1, 2, 3, 4, 5, 6, 7, 8])
  assert.ok(progress.every((p) => p.total === 8 && p.saved && p.bytes > 0))
  assert.equal(report.complete, true)
  assert.equal(report.failed.length, 0)
  assert.deepEqual(report.saved.map((s) => s.photoId).sort(), photos.map((p) => p.id).sort())
  assert.equal(report.bytes, report.saved.reduce((n, s) => n + s.bytes, 0))
  assert.ok(report.saved.every((s) => s.contentType === 'image/png' && path.dirname(s.path) === dir))
  assert.deepEqual(readdirSync(dir).sort(), photos.map((p) => `${p.id}.png`).sort())
  const cdn = await requests(mock, 'GET', '/cdn/')
  assert.equal(cdn.length, 8)
  assert.ok(cdn.every((r) => r.headers.authorization === undefined))

  const again = await c.photos.save(modelId, dir, { photoIds: [photos[0].id] })
  assert.equal(again.complete, false)
  assert.equal(again.failed[0].photoId, photos[0].id)
  assert.ok(again.failed[0].error instanceof hp.InvalidArgumentError)
  const replaced = await c.photos.save(modelId, dir, { photoIds: [photos[0].id], overwrite: true })
  assert.equal(replaced.saved.length, 1)
})

test('a throwing onProgress is a warning: the download goes on', async (t) => {
  const c = client()
  const { modelId } = await seededModel(c)
  const warnings = []
  const onWarning = (w) => warnings.push(w)
  process.on('warning', onWarning)
  t.after(() => process.off('warning', onWarning))
  let calls = 0
  const report = await c.photos.save(modelId, directory(t), {
    onProgress: () => {
      calls += 1
      throw new Error('callback bug')
    },
  })
  await new Promise((resolve) => setImmediate(resolve))
  assert.equal(report.saved.length, 8)
  assert.equal(calls, 8)
  const ours = warnings.filter((w) => w.code === 'HEADSHOTPRO_PROGRESS_CALLBACK')
  assert.equal(ours.length, 1, 'one warning per save')
  assert.match(ours[0].message, /callback bug/)

  const rejecting = await c.photos.save(modelId, directory(t), { onProgress: async () => Promise.reject(new Error('async bug')) })
  assert.equal(rejecting.saved.length, 8)
  await assert.rejects(c.photos.save(modelId, directory(t), { onProgress: 'not a function' }), hp.InvalidArgumentError)
})

test('an expired URL fails its photo with PermissionDeniedError; an aborted save leaves no file', async (t) => {
  const c = client()
  const { modelId } = await seededModel(c)
  await mock.server.setOrganization({ photoUrlTtlMs: 0 })
  const expired = await c.photos.save(modelId, directory(t))
  assert.equal(expired.saved.length, 0)
  assert.equal(expired.failed.length, 8)
  assert.ok(expired.failed.every((f) => f.error instanceof hp.PermissionDeniedError && f.error.status === 403))
  await mock.server.setOrganization({ photoUrlTtlMs: 86_400_000 })

  const dir = directory(t)
  // The expired save's CDN requests must not count as this save's downloads having begun.
  await mock.server.clearRequests()
  await fault(mock, { method: 'GET', path: '/cdn/', delayMs: 10_000, status: 503, times: 8 })
  const ac = new AbortController()
  const saving = c.photos.save(modelId, dir, { signal: ac.signal })
  while ((await requests(mock, 'GET', '/cdn/')).length === 0) await new Promise((r) => setTimeout(r, 10))
  ac.abort()
  await assert.rejects(saving, hp.APIUserAbortError)
  assert.deepEqual(readdirSync(dir), [])
})
