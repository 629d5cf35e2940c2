// Types of the `headshotpro` package (hand-written for the JS layer in lib/;
// the native module's own types are generated into native.d.ts).

/** Settings of a {@link Client}. Unset values come from the environment, then the defaults. */
export interface ClientOptions {
  /** The API key; else `HEADSHOTPRO_API_KEY`. A missing key throws at construction. */
  apiKey?: string
  /** Else `HEADSHOTPRO_BASE_URL`, else `https://server.headshotpro.com`. Plain http only to loopback. */
  baseUrl?: string
  /** Per-attempt timeout in milliseconds (60000). */
  timeoutMs?: number
  /** Connect timeout in milliseconds (10000). */
  connectTimeoutMs?: number
  /** Retries after the first attempt (2); 0 disables them. */
  maxRetries?: number
  /** Allows plain `http://` to non-loopback hosts: the key then travels in clear text. */
  allowInsecureHttp?: boolean
}

/** Settings of a client made by {@link Client.withOptions}; unset ones keep the original client's. */
export interface WithOptions {
  /** Per-attempt timeout in milliseconds. */
  timeoutMs?: number
  /** Retries after the first attempt; 0 disables them. */
  maxRetries?: number
}

/** The optional last argument of every call. */
export interface RequestOptions {
  /** Aborting it cancels the call; the promise rejects with {@link APIUserAbortError} (`name === 'AbortError'`). */
  signal?: AbortSignal
}

/** An open string enum: the known wire values, and any other string the API may add. */
type Open<T extends string> = T | (string & {})

/** Where a whitelabel model stands (wire strings; unknown ones kept as sent). */
export type ModelStatus = Open<'onboarding' | 'waiting' | 'pending' | 'generatingHeadshots' | 'active' | 'failed' | 'deleted'>
/** Where an invite stands. */
export type InviteStatus = Open<'pending-invite' | 'revoked' | 'waiting-for-upload' | 'active' | 'generating-headshots' | 'deleted'>
/** The kind of a webhook event. */
export type WebhookEventType = Open<'model.created' | 'model.status.updated' | 'model.photos_ready' | 'model.favorite_selected' | 'model.deleted'>

/** A team inside an organization. */
export interface Team {
  id: string
  name: string
}

/** An organization with its teams. */
export interface Organization {
  uid: string
  name: string
  website?: string
  description?: string
  teams: Team[]
}

/** An invite just sent. */
export interface Invite {
  id: string
  email: string
  link: string
  teamId?: string
  message?: string
}

/** One entry of the invite list. */
export interface InviteSummary {
  id: string
  email: string
  valid: boolean
  teamId?: string
  createdAt: Date
  used: boolean
  link: string
}

/** One invite's details. */
export interface InviteDetails {
  email: string
  status: InviteStatus
  teamId?: string
}

/** A whitelabel model and a fresh signed URL for its user. */
export interface Model {
  modelId: string
  status: ModelStatus
  isDevelopment: boolean
  /** Logs the user in: `util.inspect`/`console.log` show it with its query values redacted; the value itself is whole. */
  signedUrl: string
}

/** The answer to a model deletion. */
export interface DeletedModel {
  modelId: string
  message: string
}

/** The model inside a webhook event. */
export interface ModelObject {
  /** `_id` on the wire. */
  id: string
  uid: string
  title: string
  trigger: string
  status: ModelStatus
  isDevelopment: boolean
  finishedAt?: Date
  deletedAt?: Date
  inviteExpiresAt?: Date
  createdAt: Date
  organization: string
}

/** A webhook notification. */
export interface WebhookEvent {
  /** `evt_…`; absent from older, unsigned payloads. */
  id?: string
  event: WebhookEventType
  createdAt?: Date
  objectType: string
  object: ModelObject
}

/** `client.organization`. */
export interface OrganizationResource {
  /** `GET /api/v1/organization`. */
  retrieve(options?: RequestOptions): Promise<Organization>
  /** `GET /api/v1/organization/credits`. */
  credits(options?: RequestOptions): Promise<number>
}

/** `client.invites`. */
export interface InvitesResource {
  /** Invites a member, optionally into a team. Never retried once it may have arrived. */
  create(params: { email: string; teamId?: string }, options?: RequestOptions): Promise<Invite>
  /** Revokes the pending invites sent to this email. */
  revoke(params: { email: string }, options?: RequestOptions): Promise<void>
  /** Every invite of the organization. */
  list(options?: RequestOptions): Promise<InviteSummary[]>
  /** One invite's email, status and team. */
  retrieve(inviteId: string, options?: RequestOptions): Promise<InviteDetails>
}

/** `client.teams`: each call answers the updated organization. */
export interface TeamsResource {
  create(params: { name: string }, options?: RequestOptions): Promise<Organization>
  update(teamId: string, params: { name: string }, options?: RequestOptions): Promise<Organization>
  delete(teamId: string, options?: RequestOptions): Promise<Organization>
  addMembers(teamId: string, params: { emails: string[] }, options?: RequestOptions): Promise<Organization>
}

/** Options of {@link ModelsResource.wait}. */
export interface WaitParams {
  /** The status to wait for (default `'active'`); `deleted` always ends the wait. */
  until?: ModelStatus
  /** Give up after this long (default 600000): {@link APITimeoutError}. */
  timeoutMs?: number
}

/** `client.models`. */
export interface ModelsResource {
  /** Creates a model. Never retried once it may have arrived. */
  create(params: { email: string; teamId?: string; isDevelopment?: boolean }, options?: RequestOptions): Promise<Model>
  retrieve(modelId: string, options?: RequestOptions): Promise<Model>
  delete(modelId: string, options?: RequestOptions): Promise<DeletedModel>
  /** Polls `retrieve` with backoff; `failed` is not final (failed models restart). */
  wait(modelId: string, params?: WaitParams, options?: RequestOptions): Promise<Model>
}

/** A HeadshotPro API client; each `new Client` has its own connection pool, shared by the clients its `withOptions` makes. */
export declare class Client {
  constructor(options?: ClientOptions)
  readonly organization: OrganizationResource
  readonly invites: InvitesResource
  readonly teams: TeamsResource
  readonly models: ModelsResource
  /** The base URL requests go to. */
  readonly baseUrl: string
  /** `headshotpro-node/<version> core/<version>`. */
  readonly userAgent: string
  /** The per-attempt timeout in milliseconds. */
  readonly timeoutMs: number
  /** The retries made after a failed attempt. */
  readonly maxRetries: number
  /**
   * A client with another per-attempt timeout and/or number of retries that
   * shares this client's connection pool; this client is unchanged:
   * `client.withOptions({ timeoutMs: 5000 }).models.retrieve(id)`.
   */
  withOptions(options: WithOptions): Client
}

/** Rate-limit headers of an answer. */
export interface RateLimitInfo {
  limit?: number
  remaining?: number
  resetAt?: Date
}

/** Base class of every error the SDK throws. */
export declare class HeadshotProError extends Error {
  /** HTTP status, when the server answered. */
  readonly status?: number
  /** The API's code (`NOT_FOUND`, … or `UNKNOWN`), for API errors. */
  readonly code?: string
  /** The raw answer body, truncated. */
  readonly body?: string
  /** The operation, e.g. `invites.create`. */
  readonly operation?: string
  /** The server's `Retry-After`, in seconds. */
  readonly retryAfter?: number
  /** When the rate-limit window resets (`X-RateLimit-Reset`). */
  readonly resetAt?: Date
  /** All rate-limit headers, when sent. */
  readonly rateLimit?: RateLimitInfo
  /** Whether the request may have reached the server (a credit-consuming call might have gone through). */
  readonly mayHaveReachedServer: boolean
}
/** Rejected locally, nothing sent. */
export declare class InvalidArgumentError extends HeadshotProError {}
/** The server answered with an error. */
export declare class APIError extends HeadshotProError {
  readonly status: number
  readonly code: string
  readonly body: string
  readonly operation: string
}
export declare class BadRequestError extends APIError {}
export declare class AuthenticationError extends APIError {}
export declare class InsufficientCreditsError extends APIError {}
export declare class PermissionDeniedError extends APIError {}
export declare class NotFoundError extends APIError {}
export declare class RateLimitError extends APIError {}
export declare class InviteLimitError extends APIError {}
export declare class ServerError extends APIError {}
/** No answer: refused, reset, DNS, TLS. */
export declare class APIConnectionError extends HeadshotProError {}
export declare class APITimeoutError extends APIConnectionError {}
/** A 2xx whose body is not what the API reference documents. */
export declare class ResponseDecodeError extends HeadshotProError {}
/** Bad or missing signature, stale timestamp, or invalid payload. */
export declare class WebhookVerificationError extends HeadshotProError {}
/** The call was cancelled by its `signal`; `name` is `'AbortError'` as for fetch. */
export declare class APIUserAbortError extends HeadshotProError {
  readonly name: 'AbortError'
}

/** A raw request body exactly as received. */
export type RawBody = string | Buffer | Uint8Array | ArrayBuffer
/** Node's `req.headers`, a fetch `Headers`, a `Map`, or [name, value] pairs. */
export type WebhookHeaders =
  | Record<string, string | string[] | undefined>
  | Iterable<readonly [string, string]>

/** Parses a payload strictly, without checking a signature. Throws {@link WebhookVerificationError}. */
export declare function parseWebhook(raw: RawBody): WebhookEvent
/** Verifies signature and age (`toleranceSec`, default 300), then parses. Throws {@link WebhookVerificationError}. */
export declare function verifyWebhook(
  raw: RawBody,
  headers: WebhookHeaders,
  secret: string,
  options?: { toleranceSec?: number },
): WebhookEvent
/** `sha256=<hex>` for `raw` signed at `timestamp` (unix seconds or Date; default now). */
export declare function signWebhook(raw: RawBody, secret: string, timestamp?: number | Date): string
/** `X-HeadshotPro-Signature`. */
export declare const SIGNATURE_HEADER: string
/** `X-HeadshotPro-Timestamp`. */
export declare const TIMESTAMP_HEADER: string
