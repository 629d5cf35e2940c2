// Serves one compiled Next.js App Router route handler over plain node:http, the way
// Next.js calls it: each request becomes a web `Request` passed to the exported
// method function, and the `Response` it returns is written back. It lets the
// recipes test (scripts/test-recipes.sh) deliver the mock's signed webhooks to the
// handler without installing or building Next.js itself.
//
// Usage: PORT=0 node scripts/lib/next-route-server.mjs ROUTE_MODULE URL_PATH
// Prints "listening on http://127.0.0.1:PORT" once it accepts connections.
import http from 'node:http'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [modulePath, routePath] = process.argv.slice(2)
if (!modulePath || !routePath) {
  console.error('usage: next-route-server.mjs ROUTE_MODULE URL_PATH')
  process.exit(2)
}
const route = await import(pathToFileURL(resolve(modulePath)).href)

const server = http.createServer(async (incoming, outgoing) => {
  try {
    const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`)
    const handler = route[incoming.method ?? 'GET']
    if (url.pathname !== routePath || typeof handler !== 'function') {
      outgoing.writeHead(url.pathname === routePath ? 405 : 404).end()
      return
    }
    const chunks = []
    for await (const chunk of incoming) chunks.push(chunk)
    const headers = new Headers()
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD'
    const request = new Request(url, {
      method: incoming.method,
      headers,
      body: hasBody ? Buffer.concat(chunks) : undefined,
    })
    const response = await handler(request)
    outgoing.writeHead(response.status, Object.fromEntries(response.headers))
    outgoing.end(Buffer.from(await response.arrayBuffer()))
  } catch (err) {
    // What Next.js does with an uncaught error in a handler: a bare 500, logged.
    console.error(`${incoming.method} ${incoming.url}: ${err?.name}: ${err?.message}`)
    outgoing.writeHead(500).end()
  }
})

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`)
})
