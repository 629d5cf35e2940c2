// A TypeScript consumer, compiled with tsc --strict against the installed
// package's index.d.ts, then run with node.
import { Client, APIError, type Model, type Organization } from 'headshotpro'

async function main(): Promise<void> {
  const client = new Client({ timeoutMs: 10_000, maxRetries: 1 })
  const org: Organization = await client.organization.retrieve()
  const tag = process.env.CONSUMER_TAG ?? 'typed'
  const model: Model = await client.models.create({ email: `${tag}-typed@example.com`, isDevelopment: true })
  try {
    await client.invites.retrieve('no-such-invite')
  } catch (err) {
    if (!(err instanceof APIError) || err.status !== 404) throw err
  }
  console.log(`organization ${org.name} has ${org.teams.length} teams; model ${model.modelId} is ${model.status}`)
  console.log('ok: typescript (tsc --strict)')
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
