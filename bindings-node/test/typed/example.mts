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
  PermissionDeniedError,
  Page,
  PagePromise,
  type DownloadLinks,
  type FavoritePhoto,
  type InviteV2,
  type InviteV2Status,
  type Member,
  type MemberStatus,
  type Model,
  type ModelStatus,
  type ModelSummary,
  type ModelVersion,
  type Organization,
  type Photo,
  type RateLimitInfo,
  type SavedPhoto,
  type SaveProgress,
  type SaveReport,
  type Team,
  type WithOptions,
  type WebhookEvent,
  APIPromise,
  type APIResponse,
  type BulkInviteResult,
  type ResponseEvent,
  type LogLevel,
} from 'headshotpro'
import {
  MockServer,
  type MockInvite,
  type MockModel,
  type MockOrganization,
  type MockPhoto,
  type MockRequest,
  type MockSeedReport,
  type MockWebhookDelivery,
} from 'headshotpro/testing'
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
    console.log(event.event, finished, event.photoId, parseWebhook(raw).object.id)
    return event
  } catch (err) {
    if (err instanceof WebhookVerificationError) return null
    throw err
  }
}

export const fast: WithOptions = { timeoutMs: 1_000 }

export const header: string = `${SIGNATURE_HEADER}: ${signWebhook('{}', 'secret', new Date())}`

export async function currentApi(client: Client, signal: AbortSignal): Promise<SaveReport> {
  const teams: Team[] = await client.teams.list()
  const page: Page<Member> = await client.members.list({ status: 'finished', limit: 200 })
  const first: Member | undefined = page.data[0]
  const same: Member[] = page.items
  const counts: [number, number, number, boolean] = [page.total, page.limit, page.offset, page.hasMore]
  if (page.hasNextPage()) {
    const next: Page<Member> = await page.getNextPage({ signal })
    console.log(next.data.length)
  }
  for await (const member of client.members.list({ limit: 200 })) {
    const status: MemberStatus = member.status
    console.log(member.email, status, member.joinedAt?.toISOString())
  }
  for await (const p of page.iterPages()) console.log(p.offset)
  const listed: PagePromise<ModelSummary> = client.models.list({ status: 'active', teamId: teams[0]?.id })
  for await (const m of listed) console.log(m.id, m.version satisfies ModelVersion | undefined)
  const bySignal: Page<ModelSummary> = await client.models.list({ signal })
  const invite: InviteV2 = await client.invites.retrieveByEmail('ada@example.com')
  const model: Model = await client.models.create({ email: 'ada@example.com', version: 'one-shot', isDevelopment: true })
  const photos = await client.photos.list(model.modelId, { likedStatus: 'loved', include: 'all', limit: 20, offset: 0 })
  const photo: Photo | undefined = photos.data[0]
  const thumb: string | undefined = photo?.urls.thumbnail
  const one: Photo = await client.photos.retrieve(model.modelId, 'p1', { include: 'main' }, { signal })
  const favorite: Photo | null = await client.photos.favorite(model.modelId)
  const links: DownloadLinks = await client.photos.downloadLinks(model.modelId, { photoIds: [one.id] })
  for await (const f of client.photos.favorites({ teamId: 't1' })) {
    const fav: FavoritePhoto = f
    console.log(fav.email, fav.urls.main)
  }
  const limits: RateLimitInfo | null = client.lastRateLimit
  const perMinute: number | null = client.maxRequestsPerMinute
  console.log(first, same, counts, bySignal, invite.status satisfies InviteV2Status, thumb, favorite, links.expiresAt, limits?.remaining, perMinute)
  const report = await client.photos.save(model.modelId, 'headshots', {
    overwrite: true,
    concurrency: 8,
    signal,
    onProgress: (p: SaveProgress) => console.log(`${p.completed}/${p.total} ${p.photoId}`),
  })
  for (const failed of report.failed) {
    if (failed.error instanceof PermissionDeniedError) console.log(failed.photoId, failed.error.status)
  }
  const saved: SavedPhoto[] = report.saved
  console.log(saved[0]?.path, report.complete, report.bytes)
  return report
}

export const secured = new Client({
  apiKey: 'hp_test',
  proxy: 'http://proxy.internal:3128',
  extraRootCertificates: Buffer.from('-----BEGIN CERTIFICATE-----'),
  maxRequestsPerMinute: 120,
})

export async function withMock(): Promise<number> {
  await using mock = await MockServer.start({ credits: 5, devStepMs: 20, webhookDelayMs: 0, tls: false })
  const client: Client = mock.client({ maxRetries: 0 })
  const url: string = mock.url
  const pem: string | null = mock.caPem
  const invite = await client.invites.create({ email: 'ada@example.com' })
  const accepted: MockInvite = await mock.acceptInvite(invite.id)
  await mock.uploadPhotos(invite.id)
  const model = await client.models.create({ email: 'dev@example.com', isDevelopment: true })
  const onboarded: MockModel = await mock.completeOnboarding(model.modelId)
  await mock.advance(model.modelId)
  await mock.fail(model.modelId)
  const photos: MockPhoto[] = await mock.photos(model.modelId)
  if (photos[0]) {
    await mock.likePhoto(photos[0].id, 'loved')
    await mock.chooseFavorite(model.modelId, photos[0].id)
  }
  const org: MockOrganization = await mock.setOrganization({ credits: 0, webhookUrl: null, envelope: 'data' })
  const faultId: number = await mock.injectFault({ method: 'POST', path: '/api/v1/organization/invite', after: 'drop' })
  await mock.injectFault({ path: '/api/', status: 429, headers: { 'Retry-After': '1' }, body: { success: false }, times: 2 })
  const requests: MockRequest[] = await mock.requests()
  const hooks: MockWebhookDelivery[] = await mock.webhooks()
  const seeded: MockSeedReport = await mock.seed({ members: 10, models: 1 })
  await mock.reset()
  await mock.clearFaults()
  console.log(url, pem, accepted.status, onboarded.status, org.credits, faultId, requests[0]?.headers['authorization'], hooks.length, seeded.modelIds)
  await mock.close()
  return (await mock.organization()).credits
}

/** Operability: a logger, listeners, .withResponse(), headers, client.request, createMany. */
export async function operability(apiKey: string): Promise<number> {
  const level: LogLevel = 'info'
  const client = new Client({
    apiKey,
    logger: console,
    logLevel: level,
    defaultHeaders: { 'X-Team': 'growth' },
    appInfo: { name: 'Acme', version: '1.0', url: 'https://acme.example' },
  })
  client.on('response', (e: ResponseEvent) => console.log(e.operation, e.status, e.durationMs, e.willRetry))
  client.on('request', (e) => console.log(e.attempt)).off('request', () => {})
  const pending: APIPromise<number> = client.organization.credits()
  const { data, response }: { data: number; response: APIResponse } = await pending.withResponse()
  console.log(response.headers.get('x-request-id'), response.rateLimit.remaining, response.requestId)
  const page = await client.members.list({ limit: 5 }).withResponse()
  const members: Member[] = page.data.data
  const results: BulkInviteResult[] = await client.invites.createMany({
    emails: ['a@example.com'],
    concurrency: 2,
    onProgress: (p) => console.log(p.completed, p.total, p.result.outcome),
  })
  const teams = await client.request<{ teams: Team[] }>('GET', '/api/v2/organization/teams', { query: { limit: 5 } })
  await client.withOptions({ headers: { 'X-Trace-Id': 't' } }).organization.credits()
  console.log(client.logLevel, members.length, results[0]?.error?.code, teams.teams.length, JSON.stringify(page.data))
  return data
}
