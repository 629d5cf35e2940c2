// Types of `headshotpro/testing`: MockServer, the HeadshotPro API emulator
// running inside the native module, for your own tests.

import type { Client, ClientOptions } from './index'

/** An organization besides the default one, with its own key, state and limits. */
export interface MockOrganizationConfig {
  /** The organization's API key. */
  apiKey: string
  /** The organization's name. */
  name?: string
  /** Its website. */
  website?: string
  /** Its description. */
  description?: string
  /** Credits available. */
  credits?: number
  /** Whether whitelabel models are enabled (else 403). */
  whitelabel?: boolean
  /** Where webhooks are delivered (none when unset). */
  webhookUrl?: string | null
  /** The secret webhooks are signed with. */
  webhookSecret?: string | null
  /** Pending invites allowed before INVITE_LIMIT_EXCEEDED (no limit when unset). */
  inviteLimit?: number | null
  /** Requests allowed per window, with `X-RateLimit-*` headers (none when unset). */
  rateLimit?: number | null
  /** The rate-limit window, in milliseconds. */
  rateWindowMs?: number
  /** Photos a finished model gets. */
  photosPerModel?: number
  /** How long signed photo URLs live, in milliseconds (0: already expired). */
  photoUrlTtlMs?: number
  /** Where the current API's answers put their fields: beside `success` (`top`) or inside `data`. */
  envelope?: 'top' | 'data'
}

/** Settings of {@link MockServer.start}; each defaults to the standalone mock's. */
export interface MockServerOptions {
  /** The default organization's key (`'hp_test_mock_key'`). */
  apiKey?: string
  /** The port (default 0: an ephemeral one; a busy port falls back to one). */
  port?: number
  /** Starting credits (100). */
  credits?: number
  /** Whether the whitelabel endpoints answer (true). */
  whitelabel?: boolean
  /** Where the organization's webhooks go (none: no deliveries). */
  webhookUrl?: string
  /** The signing secret (HMAC key = the string's bytes); unsigned without it. */
  webhookSecret?: string
  /** Wait before the first delivery attempt (5000 ms). */
  webhookDelayMs?: number
  /** Wait between delivery attempts, at most 4 (5000 ms). */
  webhookRetryMs?: number
  /** Time a development model spends in each status after onboarding (1000 ms). */
  devStepMs?: number
  /** Requests allowed per key and rate window (none), answered 429 past it. */
  rateLimit?: number
  /** The rate window (60000 ms). */
  rateWindowMs?: number
  /** Pending invites allowed (none). */
  inviteLimit?: number
  /** Photos a model gets when it turns active (8). */
  photosPerModel?: number
  /** How long a signed photo URL stays valid (24 h; 0: expired at once). */
  photoUrlTtlMs?: number
  /** HTTPS with HTTP/2 and a certificate made at start: trust {@link MockServer.caPem}. */
  tls?: boolean
  /** More organizations. */
  organizations?: MockOrganizationConfig[]
}

/** An invite as the mock holds it. */
export interface MockInvite {
  /** Its id. */
  id: string
  /** The email address. */
  email: string
  /** Still pending. */
  valid: boolean
  /** The team, if any. */
  teamId?: string
  /** When it was created. */
  createdAt: Date
  /** Accepted. */
  used: boolean
  /** The signup link. */
  link: string
  /** `pending-invite`, `revoked`, `waiting-for-upload`, `generating-headshots` or `active`. */
  status: string
}

/** A whitelabel model as the mock holds it. */
export interface MockModel {
  /** The model. */
  modelId: string
  /** Its public id. */
  uid: string
  /** The email address. */
  email: string
  /** The team, if any. */
  teamId?: string
  /** `onboarding`, `waiting`, `pending`, `generatingHeadshots`, `active`, `failed` or `deleted`. */
  status: string
  /** Test data: progresses by itself every `devStepMs`. */
  isDevelopment: boolean
  /** When it was created. */
  createdAt: Date
  /** When its photos were finished. */
  finishedAt?: Date
  /** When it was deleted. */
  deletedAt?: Date
  /** When the user's link expires. */
  inviteExpiresAt: Date
  /** `lora` or `one-shot`. */
  version: string
  /** How many photos it has. */
  photoCount: number
  /** The user's favorite photo, once chosen. */
  favoritePhotoId?: string
}

/** A photo as the mock holds it (the API adds signed URLs). */
export interface MockPhoto {
  /** Its id. */
  id: string
  /** The model. */
  modelId: string
  /** `active` or `deleted`. */
  status: string
  /** What the user thinks of it. */
  likedStatus: 'none' | 'liked' | 'loved'
  /** When it was created. */
  createdAt: Date
}

/** The organization's settings. */
export interface MockOrganization {
  /** The organization's API key. */
  apiKey: string
  /** Its public id. */
  uid: string
  /** The organization's name. */
  name: string
  /** Its website. */
  website: string
  /** Its description. */
  description: string
  /** Credits available. */
  credits: number
  /** Whether whitelabel models are enabled (else 403). */
  whitelabel: boolean
  /** Where webhooks are delivered (none when unset). */
  webhookUrl?: string
  /** The secret webhooks are signed with. */
  webhookSecret?: string
  /** Pending invites allowed before INVITE_LIMIT_EXCEEDED (no limit when unset). */
  inviteLimit?: number
  /** Requests allowed per window, with `X-RateLimit-*` headers (none when unset). */
  rateLimit?: number
  /** The rate-limit window, in milliseconds. */
  rateWindowMs: number
  /** Photos a finished model gets. */
  photosPerModel: number
  /** How long signed photo URLs live, in milliseconds (0: already expired). */
  photoUrlTtlMs: number
  /** Where the current API's answers put their fields: beside `success` (`top`) or inside `data`. */
  envelope: 'top' | 'data'
}

/** Changes to the organization; `null` clears `webhookUrl`, `webhookSecret`, `inviteLimit`, `rateLimit`. */
export interface MockOrganizationChanges {
  /** Credits available. */
  credits?: number
  /** Whether whitelabel models are enabled (else 403). */
  whitelabel?: boolean
  /** Where webhooks are delivered (none when unset). */
  webhookUrl?: string | null
  /** The secret webhooks are signed with. */
  webhookSecret?: string | null
  /** Pending invites allowed before INVITE_LIMIT_EXCEEDED (no limit when unset). */
  inviteLimit?: number | null
  /** Requests allowed per window, with `X-RateLimit-*` headers (none when unset). */
  rateLimit?: number | null
  /** The rate-limit window, in milliseconds. */
  rateWindowMs?: number
  /** At most 1000. */
  photosPerModel?: number
  /** How long signed photo URLs live, in milliseconds (0: already expired). */
  photoUrlTtlMs?: number
  /** Where the current API's answers put their fields: beside `success` (`top`) or inside `data`. */
  envelope?: 'top' | 'data'
  /** The organization's name. */
  name?: string
  /** Its website. */
  website?: string
  /** Its description. */
  description?: string
}

/** A fault for the next `times` requests whose method matches and whose path starts with `path`. */
export interface MockFault {
  /** Any method when unset. */
  method?: string
  /** A path prefix: `/api/v1/organization/invite`, `/cdn/`… */
  path: string
  /** Answer this status (with `{"success": false, "error": "injected fault", "code": "INJECTED"}` unless `body` is set). */
  status?: number
  /** Answer this body: a string is sent as is (for malformed bodies), anything else as JSON; 200 unless `status` is set. */
  body?: unknown
  /** Extra response headers. */
  headers?: Record<string, string>
  /** Wait this long first (then answer normally, or the fault's `status`). */
  delayMs?: number
  /** Close the connection without an answer, before the request is processed. */
  drop?: boolean
  /** Process the request, then drop the connection (`'drop'`) or answer this status instead. */
  after?: 'drop' | number
  /** How many requests it applies to (1). */
  times?: number
}

/** One request the mock received (API or CDN). */
export interface MockRequest {
  /** The HTTP method. */
  method: string
  /** As received, still percent-encoded, without the query. */
  path: string
  /** The raw query string (`''` when none). */
  query: string
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>
  /** The request body as text. */
  body: string
}

/** One webhook delivery attempt. */
export interface MockWebhookDelivery {
  /** The event type, e.g. `model.created`. */
  event: string
  /** `evt_…`. */
  eventId: string
  /** The model. */
  modelId: string
  /** Where it was sent. */
  url: string
  /** 1 for the first attempt. */
  attempt: number
  /** The receiver's HTTP status, or undefined when no answer came. */
  status?: number
  /** Why no answer came. */
  error?: string
  /** When the attempt was made. */
  at: Date
}

/** What {@link MockServer.seed} created. */
export interface MockSeedReport {
  /** Members created (emails `seed-N@example.com`). */
  members: number
  /** The active models created, with their photos. */
  modelIds: string[]
}

/**
 * The HeadshotPro API emulator (stateful: organizations, teams, members, invites, credits,
 * models, photos, webhooks), in this process. A control call on an unknown id rejects with
 * `NotFoundError`; a step that does not apply to the current status with an `APIError` 409.
 * A test process that forgets to close it still exits.
 *
 * ```ts
 * await using mock = await MockServer.start({ devStepMs: 20, webhookDelayMs: 0 })
 * const client = mock.client()
 * const invite = await client.invites.create({ email: 'ada@example.com' })
 * await mock.acceptInvite(invite.id)
 * ```
 */
export declare class MockServer implements AsyncDisposable {
  private constructor()
  /** Starts a mock on 127.0.0.1. */
  static start(options?: MockServerOptions): Promise<MockServer>
  /** The base URL, e.g. `http://127.0.0.1:41234` (`https://` with `tls`). */
  readonly url: string
  /** Where photo images are served: the same server as `http://localhost:PORT`. */
  readonly cdnUrl: string
  /** The default organization's API key. */
  readonly apiKey: string
  /** With `tls`, the PEM of the certificate authority to trust; else null. */
  readonly caPem: string | null
  /** A client for this mock (its URL, key and, with TLS, its CA); `options` add to or override them. */
  client(options?: ClientOptions): Client
  /** Stops the server; resolves once it is down. Closing again does nothing. */
  close(): Promise<void>
  /** `await using` closes it. */
  [Symbol.asyncDispose](): Promise<void>
  /** The invitee signs up: `pending-invite` → `waiting-for-upload`. */
  acceptInvite(inviteId: string): Promise<MockInvite>
  /** The member uploads photos: `generating-headshots`, a credit spent. */
  uploadPhotos(inviteId: string): Promise<MockInvite>
  /** The invite's next step: accept, upload, or `generating-headshots` → `active`. */
  advanceInvite(inviteId: string): Promise<MockInvite>
  /** The user finishes onboarding: `waiting`, a credit spent unless development. */
  completeOnboarding(modelId: string): Promise<MockModel>
  /** The model's next status (from `onboarding` it completes onboarding); turning active makes its photos. */
  advance(modelId: string): Promise<MockModel>
  /** Training or generation fails: `failed` (back to `pending` on the next advance). */
  fail(modelId: string): Promise<MockModel>
  /** A model's photos (none until it turns active). */
  photos(modelId: string): Promise<MockPhoto[]>
  /** The user rates a photo (default `'liked'`). */
  likePhoto(photoId: string, status?: 'none' | 'liked' | 'loved'): Promise<MockPhoto>
  /** The user picks a favorite among an active model's photos (sends `model.favorite_selected`). */
  chooseFavorite(modelId: string, photoId: string): Promise<MockModel>
  /** The default organization's settings. */
  organization(): Promise<MockOrganization>
  /** Changes the default organization's settings (all or nothing). */
  setOrganization(changes: MockOrganizationChanges): Promise<MockOrganization>
  /** Adds a fault; resolves to its id. */
  injectFault(fault: MockFault): Promise<number>
  /** Removes every pending fault. */
  clearFaults(): Promise<void>
  /** Every API and CDN request received, in order. */
  requests(): Promise<MockRequest[]>
  /** Forgets the request log. */
  clearRequests(): Promise<void>
  /** Every webhook delivery attempt, oldest first. */
  webhooks(): Promise<MockWebhookDelivery[]>
  /** Forgets the webhook delivery log. */
  clearWebhooks(): Promise<void>
  /** Back to the start state (settings included); cancels pending webhooks and timers. */
  reset(): Promise<void>
  /** Creates accepted members (`seed-N@example.com`) and active development models with photos (`seed-model-N@example.com`) at once, without webhooks. */
  seed(request: { members?: number; models?: number; teamId?: string }): Promise<MockSeedReport>
  /** The whole state, for debugging. */
  state(): Promise<unknown>
}
