// Plain node, ES modules: the installed `headshotpro` against the mock
// (HEADSHOTPRO_API_KEY / HEADSHOTPRO_BASE_URL); CONSUMER_TAG makes emails unique.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { Client, NotFoundError } from 'headshotpro'

const require = createRequire(import.meta.url)
const where = require.resolve('headshotpro')
assert.ok(where.includes('node_modules'), `resolved to ${where}, not an installed package`)
const tag = process.env.CONSUMER_TAG ?? 'node'

const client = new Client()
const org = await client.organization.retrieve()
const credits = await client.organization.credits()
const invite = await client.invites.create({ email: `${tag}-invite@example.com` })
const model = await client.models.create({ email: `${tag}-model@example.com`, isDevelopment: true })
assert.equal((await client.models.retrieve(model.modelId)).modelId, model.modelId)
await assert.rejects(client.models.retrieve('no-such-model'), (err) => err instanceof NotFoundError && err.status === 404)
console.log(`organization ${org.name}, ${credits} credits, invite ${invite.id}, model ${model.modelId}`)
console.log(`ok: node ${process.version} (ESM)`)
