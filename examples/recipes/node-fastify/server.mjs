// A HeadshotPro webhook receiver on Fastify.
//
//   npm install
//   HEADSHOTPRO_API_KEY=... HEADSHOTPRO_WEBHOOK_SECRET=... PORT=3000 node server.mjs
//
// POST /webhooks/headshotpro verifies the signature over the raw body, answers 200 at
// once, then confirms the model with models.retrieve.
import Fastify from 'fastify'
import { Client, HeadshotProError, verifyWebhook, WebhookVerificationError } from 'headshotpro'

const client = new Client() // HEADSHOTPRO_API_KEY; one client for the whole process
const secret = process.env.HEADSHOTPRO_WEBHOOK_SECRET
if (!secret) throw new Error('set HEADSHOTPRO_WEBHOOK_SECRET')

const handled = new Set() // stands in for your database: models already acted on
const app = Fastify({ logger: { level: 'warn' } })

// The webhook route in a plugin of its own, where JSON bodies stay raw bytes: Fastify's
// JSON parser would lose the exact bytes the signature covers. Other routes keep it.
app.register(async (webhooks) => {
  webhooks.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    done(null, body)
  })

  webhooks.post('/webhooks/headshotpro', async (req, reply) => {
    let event
    try {
      event = verifyWebhook(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.headers, secret)
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err
      req.log.warn(`rejected a webhook: ${err.message}`)
      return reply.code(400).send({ error: 'invalid signature' })
    }
    setImmediate(() => handleEvent(event)) // after the answer: stands in for your job queue
    return { received: true }
  })
})

/** Acts on the model's state now, read from the API, not on what the event says. */
async function handleEvent(event) {
  const modelId = event.object.id
  let model
  try {
    model = await client.models.retrieve(modelId)
  } catch (err) {
    if (!(err instanceof HeadshotProError)) throw err
    app.log.error(`could not confirm model ${modelId} after ${event.event}: ${err.message}`)
    return
  }
  if (model.status === 'active' && !handled.has(modelId)) {
    handled.add(modelId)
    // Your work goes here: save the photos, tell the user. Deliveries repeat, so
    // whatever you do must be safe to do twice.
    console.log(`headshots ready for model ${modelId} (${event.event})`)
  } else {
    console.log(`model ${modelId} is ${model.status}: nothing to do`)
  }
}

const address = await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' })
console.log(`listening on ${address}`)
