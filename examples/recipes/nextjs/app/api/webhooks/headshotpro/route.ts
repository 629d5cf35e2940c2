// A HeadshotPro webhook receiver as a Next.js App Router route handler:
// POST /api/webhooks/headshotpro.
//
//   npm install
//   HEADSHOTPRO_API_KEY=... HEADSHOTPRO_WEBHOOK_SECRET=... npm run dev
//
// It verifies the signature over the raw body, answers 200 at once, then confirms the
// model with models.retrieve.
import {
  Client,
  HeadshotProError,
  verifyWebhook,
  WebhookVerificationError,
  type WebhookEvent,
} from 'headshotpro'

export const runtime = 'nodejs' // a native module: not the Edge runtime
export const dynamic = 'force-dynamic'

const client = new Client() // HEADSHOTPRO_API_KEY; one client for the whole process
const handled = new Set<string>() // stands in for your database: models already acted on

export async function POST(req: Request): Promise<Response> {
  const secret = process.env.HEADSHOTPRO_WEBHOOK_SECRET
  if (!secret) return Response.json({ error: 'webhooks are not configured' }, { status: 500 })
  const raw = await req.text() // the body as sent: never await req.json()
  let event: WebhookEvent
  try {
    event = verifyWebhook(raw, req.headers, secret)
  } catch (err) {
    if (!(err instanceof WebhookVerificationError)) throw err
    console.warn(`rejected a webhook: ${err.message}`)
    return Response.json({ error: 'invalid signature' }, { status: 400 })
  }
  // The answer does not wait for the work. On a serverless host, hand this to
  // `after()` from 'next/server' or to your job queue, so it is not cut short.
  void handleEvent(event)
  return Response.json({ received: true })
}

/** Acts on the model's state now, read from the API, not on what the event says. */
async function handleEvent(event: WebhookEvent): Promise<void> {
  const modelId = event.object.id
  try {
    const model = await client.models.retrieve(modelId)
    if (model.status === 'active' && !handled.has(modelId)) {
      handled.add(modelId)
      // Your work goes here: save the photos, tell the user. Deliveries repeat, so
      // whatever you do must be safe to do twice.
      console.log(`headshots ready for model ${modelId} (${event.event})`)
    } else {
      console.log(`model ${modelId} is ${model.status}: nothing to do`)
    }
  } catch (err) {
    if (!(err instanceof HeadshotProError)) throw err
    console.error(`could not confirm model ${modelId} after ${event.event}: ${err.message}`)
  }
}
