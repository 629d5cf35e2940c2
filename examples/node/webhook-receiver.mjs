// A webhook endpoint on node:http that accepts only events signed with your
// webhook secret (answers 400 to forgeries, stale or unsigned requests).
//
//   HEADSHOTPRO_WEBHOOK_SECRET=... PORT=8080 node examples/node/webhook-receiver.mjs
//
// Verify the raw body exactly as received: never re-serialised JSON. Even a
// verified event is a notification: confirm with client.models.retrieve()
// before acting on it.
import http from 'node:http'
import { verifyWebhook, WebhookVerificationError } from 'headshotpro'

const secret = process.env.HEADSHOTPRO_WEBHOOK_SECRET
if (!secret) {
  console.error('set HEADSHOTPRO_WEBHOOK_SECRET')
  process.exit(2)
}

const server = http.createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/webhook') {
    res.writeHead(404).end()
    return
  }
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  try {
    const event = verifyWebhook(Buffer.concat(chunks), req.headers, secret)
    console.log(`verified ${event.event} for model ${event.object.id} (${event.object.status})`)
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}')
  } catch (err) {
    if (!(err instanceof WebhookVerificationError)) throw err
    console.log(`rejected: ${err.message}`)
    res.writeHead(400, { 'content-type': 'application/json' }).end('{"received":false}')
  }
})

server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/webhook`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close())
