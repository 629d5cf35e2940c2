// Quickstart: the organization, its credits, a team, an invite, and a
// development model followed until it is active.
//
//   HEADSHOTPRO_API_KEY=hp_... node examples/node/quickstart.mjs
//
// HEADSHOTPRO_BASE_URL points it at another server (e.g. headshotpro-mock).
import { Client, HeadshotProError } from 'headshotpro'

const client = new Client() // key and base URL from the environment

try {
  const org = await client.organization.retrieve()
  console.log(`organization ${org.name} (${org.uid}), ${org.teams.length} team(s)`)
  console.log(`credits: ${await client.organization.credits()}`)

  const withTeam = await client.teams.create({ name: 'Quickstart team' })
  const team = withTeam.teams.find((t) => t.name === 'Quickstart team')
  console.log(`team ${team.name} (${team.id})`)

  const invite = await client.invites.create({ email: 'ada@example.com', teamId: team.id })
  console.log(`invite ${invite.id} sent to ${invite.email}: ${invite.link}`)

  const model = await client.models.create({ email: 'dev@example.com', isDevelopment: true })
  console.log(`model ${model.modelId} created (${model.status}); onboarding: ${model.signedUrl}`)

  const ready = await client.models.wait(model.modelId, { until: 'active', timeoutMs: 10 * 60_000 })
  console.log(`model ${ready.modelId} is ${ready.status}`)
} catch (err) {
  if (err instanceof HeadshotProError) {
    console.error(`${err.name} (${err.status ?? 'no status'} ${err.code ?? ''}): ${err.message}`)
    process.exitCode = 1
  } else {
    throw err
  }
}
