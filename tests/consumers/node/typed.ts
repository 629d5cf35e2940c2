// A TypeScript consumer, compiled with tsc --strict against the installed
// package's index.d.ts, then run with node.
import { Client, APIError, type Model, type Organization, type Page, type Member } from 'headshotpro'
import { MockServer, type MockInvite } from 'headshotpro/testing'

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
  const mock = await MockServer.start({ credits: 3 })
  try {
    const local = mock.client()
    const invite = await local.invites.create({ email: 'typed@example.com' })
    const accepted: MockInvite = await mock.acceptInvite(invite.id)
    const page: Page<Member> = await local.members.list({ limit: 10 })
    console.log(`in-process mock: ${accepted.status}, ${page.total} member(s), ${await local.organization.credits()} credits`)
  } finally {
    await mock.close()
  }
  console.log('ok: typescript (tsc --strict)')
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
