// HeadshotPro on Express: a webhook receiver, and the signed URL a mobile app shows.
//
//   npm install
//   HEADSHOTPRO_API_KEY=... HEADSHOTPRO_WEBHOOK_SECRET=... PORT=3000 node server.mjs
//
// POST /webhooks/headshotpro  verifies the signature over the raw body, answers 200 at
//                             once, then confirms the model with models.retrieve.
// POST /headshots/session     the signed URL of the signed-in user's own model, fresh
//                             every time, for a WebView or an iframe.
import express from 'express'
import { Client, HeadshotProError, verifyWebhook, WebhookVerificationError } from 'headshotpro'

const client = new Client() // HEADSHOTPRO_API_KEY; one client for the whole process
const secret = process.env.HEADSHOTPRO_WEBHOOK_SECRET
if (!secret) throw new Error('set HEADSHOTPRO_WEBHOOK_SECRET')
const development = process.env.HEADSHOTPRO_DEVELOPMENT === '1' // free, quick models

const handled = new Set() // stands in for your database: models already acted on
const app = express()

// express.raw on this route only: express.json() would parse the body and lose the
// exact bytes the signature covers.
app.post('/webhooks/headshotpro', express.raw({ type: 'application/json' }), (req, res) => {
  let event
  try {
    event = verifyWebhook(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.headers, secret)
  } catch (err) {
    if (!(err instanceof WebhookVerificationError)) throw err
    console.warn(`rejected a webhook: ${err.message}`)
    return res.status(400).json({ error: 'invalid signature' })
  }
  res.json({ received: true })
  setImmediate(() => handleEvent(event)) // after the answer: stands in for your job queue
})

/** Acts on the model's state now, read from the API, not on what the event says. */
async function handleEvent(event) {
  const modelId = event.object.id
  let model
  try {
    model = await client.models.retrieve(modelId)
  } catch (err) {
    if (!(err instanceof HeadshotProError)) throw err
    console.error(`could not confirm model ${modelId} after ${event.event}: ${err.message}`)
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

// --8<-- [start:session]
const sessions = new Map([['demo-session-ada', 'ada@example.com']]) // stands in for your own sign-in
const modelsByUser = new Map() // stands in for your database: user -> model id

/** Your app's authentication: here a fixed demo session token. */
function signedInUser(req) {
  return sessions.get((req.get('authorization') ?? '').replace(/^Bearer /, ''))
}

// The signed URL of the user's own model, fresh each time: the app shows it in a
// WebView and never sees the API key.
app.post('/headshots/session', async (req, res, next) => {
  const user = signedInUser(req)
  if (!user) return res.status(401).json({ error: 'sign in first' })
  try {
    let model
    if (modelsByUser.has(user)) {
      model = await client.models.retrieve(modelsByUser.get(user)) // a fresh signed URL
    } else {
      model = await client.models.create({ email: user, isDevelopment: development })
      modelsByUser.set(user, model.modelId)
    }
    res.set('Cache-Control', 'no-store') // the URL logs the user in
    res.json({ url: model.signedUrl, status: model.status })
  } catch (err) {
    next(err)
  }
})
// --8<-- [end:session]

// Errors end as a short JSON answer: never a stack trace to the caller.
app.use((err, req, res, next) => {
  console.error(`${req.method} ${req.path}: ${err.name}: ${err.message}`)
  res.status(err instanceof HeadshotProError ? 502 : 500).json({ error: 'internal error' })
})

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`)
})
