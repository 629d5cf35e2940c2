// Saving a model's photos: one Node benchmark in this process; prints one JSON line.
//
// usage: node save.mjs CLIENT URL KEY PHOTOS ROUNDS
// CLIENT: sdk (client.photos.save, 4 downloads at once) | fetch (the same by
// hand: POST the download links with the key, then fetch each URL, 4 at once,
// and write each file).
// Seeds one active model with PHOTOS photos through the mock's control API
// (the caller resets the mock), then saves them ROUNDS times, each into a
// fresh directory; reports the median wall time of a save and the peak RSS.
import { createRequire } from 'node:module'
import { mkdtempSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

const [client, url, key, photosArg, roundsArg] = process.argv.slice(2)
const photos = Number(photosArg)
const rounds = Number(roundsArg)
const CONCURRENCY = 4

async function control(method, pathname, body) {
  const r = await fetch(url + pathname, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!r.ok) throw new Error(`${pathname}: HTTP ${r.status}`)
  return r.json()
}

await control('PUT', '/__mock/organization', { photosPerModel: photos })
const { modelIds: [modelId] } = await control('POST', '/__mock/seed', { models: 1 })

function saveSdk() {
  const { Client } = createRequire(import.meta.url)('../../bindings-node')
  const sdk = new Client({ apiKey: key, baseUrl: url })
  return async (dir) => {
    const report = await sdk.photos.save(modelId, dir)
    if (!report.complete) throw new Error(`${report.failed.length} photos failed`)
    return report.saved.length
  }
}

function saveFetch() {
  return async (dir) => {
    const r = await fetch(`${url}/api/v2/organization/models/${modelId}/photos/download`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{}',
    })
    if (!r.ok) throw new Error(`download links: HTTP ${r.status}`)
    const { downloads } = await r.json()
    let next = 0
    const worker = async () => {
      while (next < downloads.length) {
        const { photoId, url: photoUrl } = downloads[next++]
        const image = await fetch(photoUrl)
        if (!image.ok) throw new Error(`photo ${photoId}: HTTP ${image.status}`)
        await writeFile(path.join(dir, `${photoId}.png`), Buffer.from(await image.arrayBuffer()))
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    return downloads.length
  }
}

const save = client === 'sdk' ? saveSdk() : client === 'fetch' ? saveFetch() : null
if (!save) throw new Error(`unknown client ${client}`)
const times = []
for (let round = 0; round <= rounds; round++) {
  const dir = mkdtempSync(path.join(tmpdir(), `hp-bench-save-${client}-`))
  try {
    const started = performance.now()
    const saved = await save(dir)
    const ms = performance.now() - started
    if (saved !== photos) throw new Error(`saved ${saved} photos, expected ${photos}`)
    if (round > 0) times.push(ms) // round 0 warms up connections and the module
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
times.sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)]
console.log(JSON.stringify({
  lang: 'node', client, workload: 'save', photos, rounds, save_ms: median,
  photos_per_s: photos / (median / 1000),
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
}))
