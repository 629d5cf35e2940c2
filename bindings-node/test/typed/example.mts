// A typed use of the whole public surface; checked with `tsc --noEmit --strict`.
import {
  Client,
  HeadshotProError,
  APIError,
  RateLimitError,
  APIConnectionError,
  APIUserAbortError,
  NotFoundError,
  WebhookVerificationError,
  parseWebhook,
  verifyWebhook,
  signWebhook,
  SIGNATURE_HEADER,
  type Model,
  type ModelStatus,
  type Organization,
  type WithOptions,
  type WebhookEvent,
} from 'headshotpro'
import type { IncomingHttpHeaders } from 'node:http'

export async function demo(signal: AbortSignal): Promise<Model> {
  const client = new Client({ apiKey: 'hp_test', baseUrl: 'http://127.0.0.1:1', timeoutMs: 5_000, maxRetries: 2 })
  const org: Organization = await client.organization.retrieve()
  const credits: number = await client.organization.credits({ signal })
  const teamId: string | undefined = org.teams[0]?.id
  const invite = await client.invites.create({ email: 'ada@example.com', teamId })
  await client.invites.revoke({ email: invite.email })
  const list = await client.invites.list()
  const created: Date = list[0].createdAt
  const details = await client.invites.retrieve(invite.id)
  if (details.status === 'waiting-for-upload') console.log(created)
  const updated = await client.teams.update(org.teams[0].id, { name: 'Brand' })
  await client.teams.addMembers(updated.teams[0].id, { emails: ['ada@example.com'] })
  await client.teams.delete(updated.teams[0].id)
  await client.teams.create({ name: 'Design' })
  const model = await client.models.create({ email: 'dev@example.com', isDevelopment: true })
  const quick: Client = client.withOptions({ timeoutMs: 5_000, maxRetries: 0 })
  const again: Model = await quick.withOptions({ maxRetries: 1 }).models.retrieve(model.modelId, { signal })
  const settings: [number, number] = [quick.timeoutMs, quick.maxRetries]
  console.log(again.status, settings)
  const status: ModelStatus = model.status
  const deleted = await client.models.delete(model.modelId)
  console.log(credits, status, deleted.message, client.userAgent, client.baseUrl)
  try {
    return await client.models.wait(model.modelId, { until: 'active', timeoutMs: 60_000 }, { signal })
  } catch (err) {
    if (err instanceof RateLimitError) console.log(err.retryAfter, err.resetAt?.toISOString())
    if (err instanceof NotFoundError) console.log(err.status, err.code, err.operation, err.body)
    if (err instanceof APIError) console.log(err.status.toFixed())
    if (err instanceof APIConnectionError) console.log(err.mayHaveReachedServer)
    if (err instanceof APIUserAbortError) console.log(err.name === 'AbortError')
    if (err instanceof HeadshotProError) throw err
    throw err
  }
}

export function receive(raw: Buffer, headers: IncomingHttpHeaders, secret: string): WebhookEvent | null {
  try {
    const event = verifyWebhook(raw, headers, secret, { toleranceSec: 300 })
    const finished: Date | undefined = event.object.finishedAt
    console.log(event.event, finished, parseWebhook(raw).object.id)
    return event
  } catch (err) {
    if (err instanceof WebhookVerificationError) return null
    throw err
  }
}

export const fast: WithOptions = { timeoutMs: 1_000 }

export const header: string = `${SIGNATURE_HEADER}: ${signWebhook('{}', 'secret', new Date())}`
