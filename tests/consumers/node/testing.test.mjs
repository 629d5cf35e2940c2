// A user's own node --test suite with only the installed package: MockServer
// from headshotpro/testing runs the emulator inside the installed native
// module (no repository, no mock binary, no API key).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { NotFoundError } from 'headshotpro'
import { MockServer } from 'headshotpro/testing'

const require = createRequire(import.meta.url)
let mock
before(async () => {
  mock = await MockServer.start({ devStepMs: 20, webhookDelayMs: 0 })
})
after(() => mock.close())

test('headshotpro/testing resolves to the installed package, in ESM and CommonJS', () => {
  assert.ok(require.resolve('headshotpro/testing').includes('node_modules'))
  assert.equal(require('headshotpro/testing').MockServer, MockServer)
})

test('an invite flow, a fault and a walk against the in-process mock', async () => {
  const client = mock.client({ maxRetries: 1 })
  const invite = await client.invites.create({ email: 'ada@example.com' })
  await mock.acceptInvite(invite.id)
  await assert.rejects(mock.acceptInvite('no-such-invite'), NotFoundError)
  await mock.injectFault({ method: 'GET', path: '/api/v1/organization/credits', status: 503 })
  assert.equal(await client.organization.credits(), 100)
  await mock.seed({ members: 5 })
  const emails = []
  for await (const member of client.members.list({ limit: 2 })) emails.push(member.email)
  assert.equal(emails.length, 6)
  assert.equal((await mock.requests()).filter((r) => r.path === '/api/v1/organization/credits').length, 2)
  console.log('ok: node MockServer (node --test)')
})
