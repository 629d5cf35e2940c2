// Walking the member list: one Node benchmark in this process; prints one JSON line.
//
// usage: node walk.mjs CLIENT URL KEY ITEMS PAGE_SIZE
// CLIENT: sdk (`for await` on client.members.list) | fetch (the same pages by
// hand: fetch, parse, next offset until hasMore is false).
// Seeds ITEMS members through the mock's control API first (the caller resets
// the mock), then measures the walk alone: wall time, the process's CPU time
// per item (user + system), and the process's peak RSS.
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'

const [client, url, key, itemsArg, pageArg] = process.argv.slice(2)
const items = Number(itemsArg)
const limit = Number(pageArg)

const seeded = await fetch(`${url}/__mock/seed`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ members: items }),
})
if (!seeded.ok) throw new Error(`seed: HTTP ${seeded.status}`)

// Loading the module and building the client are not part of the walk.
const { Client } = createRequire(import.meta.url)('../../bindings-node')
const sdk = new Client({ apiKey: key, baseUrl: url })

async function walkSdk() {
  let n = 0
  for await (const member of sdk.members.list({ limit })) if (member.email) n++
  return n
}

async function walkFetch() {
  const headers = { authorization: `Bearer ${key}` }
  let n = 0
  let offset = 0
  for (;;) {
    const r = await fetch(`${url}/api/v2/organization/team?limit=${limit}&offset=${offset}`, { headers })
    if (!r.ok) throw new Error(`HTTP ${r.status}`)
    const page = await r.json()
    for (const member of page.members) if (member.email) n++
    if (!page.pagination.hasMore || page.members.length === 0) return n
    offset += page.members.length
  }
}

const walk = client === 'sdk' ? walkSdk : client === 'fetch' ? walkFetch : null
if (!walk) throw new Error(`unknown client ${client}`)
const cpu = process.cpuUsage()
const started = performance.now()
const walked = await walk()
const seconds = (performance.now() - started) / 1000
const used = process.cpuUsage(cpu)
if (walked !== items) throw new Error(`walked ${walked} members, expected ${items}`)
console.log(JSON.stringify({
  lang: 'node', client, workload: 'walk', items, page_size: limit, seconds,
  items_per_s: items / seconds,
  cpu_us_per_item: (used.user + used.system) / items,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
}))
