// Your integration code, as an HR tool might have it: invite new hires into
// their team, list who has finished their headshots, and a webhook endpoint
// that accepts only signed events. onboarding.test.mjs tests it offline with
// headshotpro/testing's MockServer.
import { verifyWebhook, WebhookVerificationError } from 'headshotpro'

/** Invites each email into the team named `teamName` (created when missing); returns the invites. */
export async function inviteNewHires(client, emails, teamName) {
  let team = (await client.teams.list()).find((t) => t.name === teamName)
  if (!team) {
    const org = await client.teams.create({ name: teamName })
    team = org.teams.find((t) => t.name === teamName)
  }
  const invites = []
  for (const email of emails) invites.push(await client.invites.create({ email, teamId: team.id }))
  return invites
}

/** The emails of every member whose headshots are done, across all pages. */
export async function finishedMembers(client) {
  const emails = []
  for await (const member of client.members.list({ status: 'finished', limit: 200 })) emails.push(member.email)
  return emails
}

/**
 * A node:http request handler for HeadshotPro webhooks: verifies the raw
 * body against `secret`, hands the event to `onEvent`, answers 200; a
 * forged, stale or unsigned request gets 400.
 */
export function webhookHandler(secret, onEvent) {
  return async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    try {
      const event = verifyWebhook(Buffer.concat(chunks), req.headers, secret)
      await onEvent(event)
      res.writeHead(200).end()
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err
      res.writeHead(400).end()
    }
  }
}
