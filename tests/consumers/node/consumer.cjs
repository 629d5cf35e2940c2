// Plain node, CommonJS: require('headshotpro') works as well.
const assert = require('node:assert/strict')
const { Client, verifyWebhook, signWebhook } = require('headshotpro')

const body = Buffer.from(JSON.stringify({
  id: 'evt_consumer',
  event: 'model.created',
  createdAt: new Date().toISOString(),
  objectType: 'model',
  object: {
    _id: 'm1',
    uid: 'u1',
    title: 'Ada',
    trigger: 'female',
    status: 'onboarding',
    isDevelopment: true,
    finishedAt: null,
    deletedAt: null,
    inviteExpiresAt: new Date().toISOString(),
    createdAt: new Date().toISOString(),
    organization: 'o1',
  },
}))
const timestamp = Math.floor(Date.now() / 1000)
const signature = signWebhook(body, 'whsec_consumer', timestamp)
const event = verifyWebhook(body, { 'x-headshotpro-signature': signature, 'x-headshotpro-timestamp': String(timestamp) }, 'whsec_consumer')
assert.equal(event.event, 'model.created')

new Client().organization.credits().then((credits) => {
  assert.equal(typeof credits, 'number')
  console.log(`ok: node ${process.version} (CommonJS)`)
})
