// Every operation against the mock, through the public package API.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Client } from '../index.mjs'
import { useMock, requests } from './helpers.mjs'

const mock = useMock()
const client = () => new Client({ apiKey: mock.apiKey, baseUrl: mock.url, maxRetries: 0 })

test('organization.retrieve and credits', async () => {
  const c = client()
  const org = await c.organization.retrieve()
  assert.equal(typeof org.uid, 'string')
  assert.equal(typeof org.name, 'string')
  assert.deepEqual(org.teams, [])
  assert.equal(await c.organization.credits(), 100)
  await mock.server.setOrganization({ credits: 7 })
  assert.equal(await c.organization.credits(), 7)
})

test('teams: create, update, addMembers, delete', async () => {
  const c = client()
  let org = await c.teams.create({ name: 'Design' })
  const team = org.teams.find((t) => t.name === 'Design')
  assert.ok(team, 'team created')
  org = await c.teams.update(team.id, { name: 'Brand' })
  assert.equal(org.teams.find((t) => t.id === team.id).name, 'Brand')
  const invite = await c.invites.create({ email: 'ada@example.com' })
  await mock.server.acceptInvite(invite.id)
  org = await c.teams.addMembers(team.id, { emails: ['ada@example.com'] })
  assert.equal(typeof org.uid, 'string')
  org = await c.teams.delete(team.id)
  assert.equal(org.teams.find((t) => t.id === team.id), undefined)
})

test('invites: create, list, retrieve, revoke', async () => {
  const c = client()
  const org = await c.teams.create({ name: 'Sales' })
  const teamId = org.teams[0].id
  const invite = await c.invites.create({ email: 'grace@example.com', teamId })
  assert.equal(invite.email, 'grace@example.com')
  assert.equal(invite.teamId, teamId)
  assert.match(invite.link, /^https?:\/\//)
  const list = await c.invites.list()
  assert.equal(list.length, 1)
  assert.ok(list[0].createdAt instanceof Date)
  assert.equal(list[0].valid, true)
  assert.equal(list[0].used, false)
  const details = await c.invites.retrieve(invite.id)
  assert.equal(details.status, 'pending-invite')
  assert.equal(details.teamId, teamId)
  await mock.server.acceptInvite(invite.id)
  assert.equal((await c.invites.retrieve(invite.id)).status, 'waiting-for-upload')
  const other = await c.invites.create({ email: 'linus@example.com' })
  assert.equal(await c.invites.revoke({ email: 'linus@example.com' }), undefined)
  assert.equal((await c.invites.retrieve(other.id)).status, 'revoked')
})

test('models: create, retrieve, wait, delete', async () => {
  const c = client()
  const model = await c.models.create({ email: 'dev@example.com', isDevelopment: true })
  assert.equal(model.status, 'onboarding')
  assert.equal(model.isDevelopment, true)
  assert.match(model.signedUrl, /^https?:\/\//)
  assert.equal((await c.models.retrieve(model.modelId)).modelId, model.modelId)
  await mock.server.completeOnboarding(model.modelId)
  const active = await c.models.wait(model.modelId, { until: 'active', timeoutMs: 30_000 })
  assert.equal(active.status, 'active')
  const deleted = await c.models.delete(model.modelId)
  assert.equal(deleted.modelId, model.modelId)
  assert.equal(typeof deleted.message, 'string')
  const gone = await c.models.wait(model.modelId, { until: 'active', timeoutMs: 30_000 })
  assert.equal(gone.status, 'deleted')
})

test('models.create with a team sends camelCase wire fields', async () => {
  const c = client()
  const org = await c.teams.create({ name: 'Ops' })
  await c.models.create({ email: 'x@example.com', teamId: org.teams[0].id })
  const [req] = await requests(mock, 'POST', '/api/v2/organization/whitelabel/model/create')
  const body = typeof req.body === 'string' ? JSON.parse(req.body) : req.body
  assert.deepEqual(body, { email: 'x@example.com', teamId: org.teams[0].id, isDevelopment: false })
})

test('user agent is headshotpro-node/<ver> core/<ver> on the wire', async () => {
  const c = client()
  assert.match(c.userAgent, /^headshotpro-node\/\d+\.\d+\.\d+\S* core\/\d+\.\d+\.\d+/)
  await c.organization.credits()
  const [req] = await requests(mock, 'GET', '/api/v1/organization/credits')
  const ua = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'user-agent')[1]
  assert.equal(ua, c.userAgent)
})

test('the key falls back to HEADSHOTPRO_API_KEY', async () => {
  const saved = process.env.HEADSHOTPRO_API_KEY
  process.env.HEADSHOTPRO_API_KEY = mock.apiKey
  try {
    const c = new Client({ baseUrl: mock.url })
    assert.equal(await c.organization.credits(), 100)
  } finally {
    if (saved === undefined) delete process.env.HEADSHOTPRO_API_KEY
    else process.env.HEADSHOTPRO_API_KEY = saved
  }
})

test('100 concurrent calls on one client', async () => {
  const c = client()
  const results = await Promise.all(Array.from({ length: 100 }, () => c.organization.credits()))
  assert.equal(results.length, 100)
  assert.ok(results.every((n) => n === 100))
  assert.equal((await requests(mock, 'GET', '/api/v1/organization/credits')).length, 100)
})
