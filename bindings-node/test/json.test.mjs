// JSON.stringify of every Node result is the API's wire form: each one is
// read back by the core as its type (a debug-build hook) and written again,
// and the two JSON texts agree (nulls and absent fields alike, timestamps
// as instants).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import * as hp from '../index.mjs'
import { useMock, repoDir } from './helpers.mjs'

const native = createRequire(import.meta.url)('../native.js')
const mock = useMock()
const client = () => new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url, maxRetries: 0 })
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/

/**
 * JSON without null fields or empty objects (an error's empty `headers` and
 * `rateLimit` say nothing), timestamps as epoch milliseconds.
 */
function normal(value) {
  if (Array.isArray(value)) return value.map(normal)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, normal(v)])
        .filter(([, v]) => v !== null && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)),
    )
  }
  return typeof value === 'string' && ISO.test(value) ? Date.parse(value) : value
}

/** Asserts JSON.stringify(value) is the wire form of `kind`. */
function roundTrips(kind, value) {
  const text = JSON.stringify(value)
  const back = native.__wireJson(kind, text)
  assert.equal(typeof back, 'string', `${kind}: the core could not read ${text}: ${back?.message}`)
  assert.deepEqual(normal(JSON.parse(back)), normal(JSON.parse(text)), kind)
}

test('every result type stringifies to the wire form and reads back', async () => {
  const c = client()
  const { modelIds } = await mock.server.seed({ members: 3, models: 1 })
  const org = await c.teams.create({ name: 'Growth' })
  roundTrips('Organization', org)
  roundTrips('Team', org.teams[0])
  const invite = await c.invites.create({ email: 'ada@example.com', teamId: org.teams[0].id })
  roundTrips('Invite', invite)
  roundTrips('InviteSummary', (await c.invites.list())[0])
  roundTrips('InviteDetails', await c.invites.retrieve(invite.id))
  roundTrips('InviteV2', await c.invites.retrieveByEmail('ada@example.com'))
  const model = await c.models.create({ email: 'grace@example.com', isDevelopment: true })
  roundTrips('Model', model)
  roundTrips('Page<Member>', await c.members.list({ limit: 2 }))
  const models = await c.models.list()
  roundTrips('Page<ModelSummary>', models)
  roundTrips('ModelSummary', models.data[0])
  const photos = await c.photos.list(modelIds[0], { include: 'all' })
  roundTrips('Page<Photo>', photos)
  roundTrips('Photo', photos.data[0])
  roundTrips('DownloadLinks', await c.photos.downloadLinks(modelIds[0]))
  await mock.server.chooseFavorite(modelIds[0], photos.data[0].id)
  roundTrips('FavoritePhoto', (await c.photos.favorites()).data[0])
  roundTrips('DeletedModel', await c.models.delete(model.modelId))
  await mock.server.setOrganization({ rateLimit: 300, rateWindowMs: 60_000 })
  await c.organization.credits()
  roundTrips('RateLimitInfo', c.lastRateLimit)
  const vectors = path.join(repoDir, 'tests', 'vectors')
  const vector = JSON.parse(readFileSync(path.join(vectors, 'webhook_deleted_signed.json'), 'utf8'))
  const event = hp.parseWebhook(vector.body)
  roundTrips('WebhookEvent', event)
  assert.equal(JSON.parse(JSON.stringify(event)).object._id, event.object.id)
})

test('errors stringify as the SDK-wide error JSON', async () => {
  const c = client()
  const notFound = await c.models.retrieve('missing').catch((e) => e)
  assert.ok(notFound instanceof hp.NotFoundError)
  roundTrips('Error', notFound)
  const json = JSON.parse(JSON.stringify(notFound))
  assert.equal(json.type, 'NotFoundError')
  assert.equal(json.status, 404)
  assert.equal(json.operation, 'models.retrieve')
  const aborted = await c.organization.credits({ signal: AbortSignal.abort() }).catch((e) => e)
  assert.equal(JSON.parse(JSON.stringify(aborted)).type, 'APIUserAbortError')
  roundTrips('Error', await c.models.create({ email: 'nope' }).catch((e) => e))
})
