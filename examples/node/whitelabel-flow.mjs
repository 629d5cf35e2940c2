// The whitelabel flow end to end: create a development model, send its user
// to the signed URL, wait until the headshots are generated, then save every
// photo into a directory, with progress.
//
//   HEADSHOTPRO_API_KEY=hp_... node examples/node/whitelabel-flow.mjs [directory]
//
// HEADSHOTPRO_BASE_URL points it at another server (e.g. headshotpro-mock).
// A development model costs no credit and uses test data; with the real API
// its user completes onboarding in the browser at the signed URL.
import { Client, HeadshotProError } from 'headshotpro'

const directory = process.argv[2] ?? 'headshots'
const client = new Client() // key and base URL from the environment

try {
  const model = await client.models.create({ email: 'dev@example.com', isDevelopment: true })
  console.log(`model ${model.modelId} created (${model.status}); onboarding: ${model.signedUrl}`)

  const ready = await client.models.wait(model.modelId, { until: 'active', timeoutMs: 10 * 60_000 })
  console.log(`model ${ready.modelId} is ${ready.status}`)

  const photos = await client.photos.list(model.modelId, { limit: 200 })
  console.log(`${photos.total} photos`)

  const report = await client.photos.save(model.modelId, directory, {
    onProgress: (p) => console.log(`${p.saved ? 'saved' : 'failed'} ${p.completed}/${p.total} ${p.photoId}`),
  })
  for (const { photoId, error } of report.failed) console.error(`photo ${photoId}: ${error.name}: ${error.message}`)
  console.log(`${report.saved.length} photos, ${report.bytes} bytes in ${directory}`)
  if (!report.complete) process.exitCode = 1
} catch (err) {
  if (err instanceof HeadshotProError) {
    console.error(`${err.name} (${err.status ?? 'no status'} ${err.code ?? ''}): ${err.message}`)
    process.exitCode = 1
  } else {
    throw err
  }
}
