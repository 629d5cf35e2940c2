// Tests of onboarding.mjs as you would write them for your own integration:
// no network, no API key. MockServer runs the HeadshotPro API emulator in
// this process; its control methods play the people on the other side
// (the new hire signs up, uploads photos...) and inject faults.
//
//   node --test examples/node/testing/
import { test, before, after, beforeEach } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import { once } from 'node:events'
import { NotFoundError } from 'headshotpro'
import { MockServer } from 'headshotpro/testing'
import { inviteNewHires, finishedMembers, webhookHandler } from './onboarding.mjs'

let mock
before(async () => {
  // Fast timings: development models move every 20 ms, webhooks go at once.
  mock = await MockServer.start({ devStepMs: 20, webhookDelayMs: 0, webhookRetryMs: 20 })
})
after(() => mock.close())
beforeEach(() => mock.reset())

test('new hires are invited into their team and listed once they finish', async () => {
  const client = mock.client()
  const [ada, grace] = await inviteNewHires(client, ['ada@example.com', 'grace@example.com'], 'Engineering')
  assert.equal(ada.email, 'ada@example.com')
  assert.deepEqual(await finishedMembers(client), [])

  // Ada signs up, uploads her photos, and her headshots are generated.
  await mock.acceptInvite(ada.id)
  await mock.uploadPhotos(ada.id)
  await mock.advanceInvite(ada.id)
  await mock.acceptInvite(grace.id)

  assert.deepEqual(await finishedMembers(client), ['ada@example.com'])
  const team = (await client.teams.list()).find((t) => t.name === 'Engineering')
  const members = await client.members.list()
  assert.deepEqual(
    members.data.map((m) => [m.email, m.status, m.teamId]),
    [
      ['ada@example.com', 'finished', team.id],
      ['grace@example.com', 'accepted', team.id],
    ],
  )
})

test('an invite whose answer was lost is sent exactly once', async () => {
  const client = mock.client()
  // The server sends the invite, then the connection drops before the answer.
  await mock.injectFault({ method: 'POST', path: '/api/v1/organization/invite', after: 'drop' })
  const [invite] = await inviteNewHires(client, ['linus@example.com'], 'Kernel')
  assert.equal(invite.email, 'linus@example.com')
  const invites = await client.invites.list()
  assert.deepEqual(invites.map((i) => i.id), [invite.id])
  await assert.rejects(mock.acceptInvite('no-such-invite'), NotFoundError)
})

test('the webhook endpoint takes signed events and refuses forgeries', async () => {
  const secret = 'whsec_example'
  const events = []
  let photosReady
  const ready = new Promise((resolve) => (photosReady = resolve))
  const server = http.createServer(
    webhookHandler(secret, (event) => {
      events.push(event.event)
      if (event.event === 'model.photos_ready') photosReady(event)
    }),
  )
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const url = `http://127.0.0.1:${server.address().port}/webhooks`
  try {
    const forged = await fetch(url, { method: 'POST', body: '{"event":"model.deleted"}' })
    assert.equal(forged.status, 400)

    await mock.setOrganization({ webhookUrl: url, webhookSecret: secret })
    const client = mock.client()
    const model = await client.models.create({ email: 'dev@example.com', isDevelopment: true })
    await mock.completeOnboarding(model.modelId) // the user finishes onboarding in the browser
    const event = await ready
    assert.equal(event.object.id, model.modelId)
    assert.equal(events[0], 'model.created')
    const deliveries = await mock.webhooks()
    assert.ok(deliveries.every((d) => d.status === 200))
  } finally {
    server.close()
  }
})
