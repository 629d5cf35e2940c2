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
  /**
   * Sends every request through this proxy (`http://` or `https://`, optional `user:password@`)
   * instead of the system's (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`). Loopback
   * base URLs never use a proxy.
   */
  proxy?: string
  /** Root certificates (PEM text, one or more blocks) trusted besides the system's: a corporate CA, or `MockServer.caPem`. */
  extraRootCertificates?: string | Buffer | Uint8Array
  /** Sends at most this many requests in any 60 seconds (below the server's 300); calls past it wait in the client. */
  maxRequestsPerMinute?: number
  /**
   * Headers sent with every API request (never to the photo CDN): `{ 'X-Team': 'growth' }`.
   * `Authorization`, `Host`, `User-Agent` (use `appInfo`), `Content-Type` and the like, and
   * values with CR/LF, are refused: the constructor throws {@link InvalidArgumentError}.
   */
  defaultHeaders?: Record<string, string>
  /**
   * Your application, appended to the user agent as Stripe's `setAppInfo` does:
   * `headshotpro-node/0.1.0 core/0.1.0 AcmeOnboarding/1.4.2 (https://acme.example)`.
   * A blank part throws {@link InvalidArgumentError}.
   */
  appInfo?: AppInfo
  /**
   * Receives the SDK's log lines: `logger[level](message, fields)` for each record
   * (`logger.log` when the level's method is missing). `console`, winston, or any object with
   * `debug`/`info`/`warn`/`error`. Lines are redacted (no key, no signed-URL token, no secret)
   * and bodies appear only at `debug`. A logger that throws never fails a call: its first
   * failure is reported as a process warning. Without a logger, records go to standard error.
   */
  logger?: Logger
  /**
   * The most detailed records passed on: `off`, `error`, `warn` (retries, failures), `info`
   * (one line per attempt) or `debug` (adds the bodies). Default: `HEADSHOTPRO_LOG`, else
   * `warn` when a `logger` is given and `off` otherwise.
   */
  logLevel?: LogLevel
}

/** How much the SDK logs, from quiet to verbose. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug'

/**
 * A console-like logger: each method takes the line and its facts by name (`operation`,
 * `status`, `duration_ms`, …). Methods it lacks fall back to `log`.
 */
export interface Logger {
  /** Request and response bodies (redacted, truncated), rate-limit waits. */
  debug?(message: string, fields: Record<string, string>): unknown
  /** One line per attempt that got its answer. */
  info?(message: string, fields: Record<string, string>): unknown
  /** A failed attempt that will be retried; a listener that threw. */
  warn?(message: string, fields: Record<string, string>): unknown
  /** The failure a call rejects with. */
  error?(message: string, fields: Record<string, string>): unknown
  /** Used for a level whose method is missing. */
  log?(message: string, fields: Record<string, string>): unknown
}

/** The application named in the user agent. */
export interface AppInfo {
  /** Its name, e.g. `AcmeOnboarding`. */
  name: string
  /** Its version, e.g. `1.4.2`. */
  version?: string
  /** Where to learn about it, e.g. `https://acme.example`. */
  url?: string
}

/** An attempt about to be sent: the `request` event of {@link Client.on}. */
export interface RequestEvent {
  /** The operation, e.g. `models.retrieve` (`request` for {@link Client.request}). */
  operation: string
  /** The HTTP method. */
  method: string
  /** The path under the base URL, without the query. */
  path: string
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number
}

/** An attempt that ended: the `response` event of {@link Client.on}. */
export interface ResponseEvent extends RequestEvent {
  /** The HTTP status, or null when no answer came. */
  status: number | null
  /** From sending the request to the end of the answer (or the failure), in milliseconds. */
  durationMs: number
  /** The error class (`ServerError`, `APIConnectionError`, …) when the attempt failed, else null. */
  error: string | null
  /** `X-RateLimit-Remaining` of the answer, or null. */
  rateLimitRemaining: number | null
  /** Whether the call sends another attempt after this one. */
  willRetry: boolean
}

/** The facts of the answer a call received, from {@link APIPromise.withResponse}. */
export interface APIResponse {
  /** The HTTP status. */
  status: number
  /** The answer's headers, as fetch's: `response.headers.get('x-request-id')`. */
  headers: Headers
  /** Its `X-RateLimit-*` headers (each null when absent). */
  rateLimit: { limit: number | null; remaining: number | null; resetAt: Date | null }
  /** The operation that sent the request, e.g. `models.retrieve`. */
  operation: string
  /** The HTTP method. */
  method: string
  /** The path under the base URL, without the query. */
  path: string
  /** Which attempt got the answer (1 unless retried). */
  attempt: number
  /** How long that attempt took, in milliseconds. */
  elapsedMs: number
  /** The server's `X-Request-Id`, or null. */
  requestId: string | null
}

/**
 * What every call returns: a Promise of its data with {@link APIPromise.withResponse}, as in
 * openai-node.
 */
export declare class APIPromise<T> extends Promise<T> {
  /**
   * The data with the facts of the answer the call received (for `models.wait` the last poll;
   * after a retry, the answer that counted). Chain it on the call itself:
   *
   * ```ts
   * const { data: model, response } = await client.models.retrieve(id).withResponse()
   * console.log(response.status, response.rateLimit.remaining, response.headers.get('content-type'))
   * ```
   *
   * A failed call rejects with its error as usual. Called on a promise whose call already
   * started, it rejects with {@link HeadshotProError}.
   */
  withResponse(): Promise<{ data: T; response: APIResponse }>
}

/** Settings of a client made by {@link Client.withOptions}; unset ones keep the original client's. */
export interface WithOptions {
  /** Per-attempt timeout in milliseconds. */
  timeoutMs?: number
  /** Retries after the first attempt; 0 disables them. */
  maxRetries?: number
  /**
   * Headers for these calls only, replacing the client's default headers of the same name
   * (compared without regard to case); refused ones throw {@link InvalidArgumentError}.
   */
  headers?: Record<string, string>
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
/** Where a member of the organization stands (`members.list`). */
export type MemberStatus = Open<'accepted' | 'pending' | 'finished'>
/** Where an invite stands in the current API (`invites.retrieveByEmail`). */
export type InviteV2Status = Open<'pending' | 'accepted' | 'revoked' | 'uploading' | 'generating' | 'completed' | 'deleted'>
/** The kind of model to train (`models.create`'s `version`). */
export type ModelVersion = Open<'lora' | 'one-shot'>
/** Whether a photo is still available. */
export type PhotoStatus = Open<'active' | 'deleted'>
/** What the user thinks of a photo. */
export type LikedStatus = Open<'none' | 'liked' | 'loved'>
/** Which photo URLs an answer carries: `main` (the default), or `all` (adds thumbnail and original). */
export type PhotoInclude = Open<'main' | 'all'>

/** A team inside an organization. */
export interface Team {
  /** The object's id. */
  id: string
  /** Its name. */
  name: string
}

/** An organization with its teams. */
export interface Organization {
  /** Its public id. */
  uid: string
  /** Its name. */
  name: string
  /** The organization's website, if set. */
  website?: string
  /** Its description, if set. */
  description?: string
  /** Its teams. */
  teams: Team[]
}

/** An invite just sent. */
export interface Invite {
  /** The object's id. */
  id: string
  /** The email address. */
  email: string
  /** The signup link sent to the invitee. */
  link: string
  /** The team, if any. */
  teamId?: string
  /** The server's message. */
  message?: string
}

/** One entry of the invite list. */
export interface InviteSummary {
  /** The object's id. */
  id: string
  /** The email address. */
  email: string
  /** Whether the invite can still be used. */
  valid: boolean
  /** The team, if any. */
  teamId?: string
  /** When it was created. */
  createdAt: Date
  /** Whether the invite was used. */
  used: boolean
  /** The signup link sent to the invitee. */
  link: string
}

/** One invite's details. */
export interface InviteDetails {
  /** The email address. */
  email: string
  /** Its status (a wire string; unknown ones kept as sent). */
  status: InviteStatus
  /** The team, if any. */
  teamId?: string
}

/** A whitelabel model and a fresh signed URL for its user. */
export interface Model {
  /** The whitelabel model. */
  modelId: string
  /** Its status (a wire string; unknown ones kept as sent). */
  status: ModelStatus
  /** Test data: no credit spent, progresses by itself. */
  isDevelopment: boolean
  /** Logs the user in: `util.inspect`/`console.log` show it with its query values redacted; the value itself is whole. */
  signedUrl: string
}

/** The answer to a model deletion. */
export interface DeletedModel {
  /** The whitelabel model. */
  modelId: string
  /** The server's message. */
  message: string
}

/** The model inside a webhook event. */
export interface ModelObject {
  /** `_id` on the wire. */
  id: string
  /** Its public id. */
  uid: string
  /** Its title. */
  title: string
  /** What created it. */
  trigger: string
  /** Its status (a wire string; unknown ones kept as sent). */
  status: ModelStatus
  /** Test data: no credit spent, progresses by itself. */
  isDevelopment: boolean
  /** When its headshots were finished. */
  finishedAt?: Date
  /** When it was deleted. */
  deletedAt?: Date
  /** When the invitee's link expires. */
  inviteExpiresAt?: Date
  /** When it was created. */
  createdAt: Date
  /** The organization it belongs to. */
  organization: string
}

/** A webhook notification. */
export interface WebhookEvent {
  /** `evt_…`; absent from older, unsigned payloads. */
  id?: string
  /** What happened. */
  event: WebhookEventType
  /** When it was created. */
  createdAt?: Date
  /** The kind of object (`model`). */
  objectType: string
  /** The chosen photo, on `model.favorite_selected`. */
  photoId?: string
  /** The model the event is about. */
  object: ModelObject
}

/** A member of the organization: invited, joined or finished. */
export interface Member {
  /** The member's id (the invite's id for a pending invitee). */
  id: string
  /** The email address. */
  email: string
  /** Display name, once known. */
  name?: string
  /** Its status (a wire string; unknown ones kept as sent). */
  status: MemberStatus
  /** The team, if any. */
  teamId?: string
  /** The team's name, if any. */
  teamName?: string
  /** The member's model, once there is one. */
  modelId?: string
  /** The member's model status, once there is one. */
  modelStatus?: ModelStatus
  /** When the member joined. */
  joinedAt?: Date
}

/** An invite looked up by email. */
export interface InviteV2 {
  /** The object's id. */
  id?: string
  /** The email address. */
  email: string
  /** Its status (a wire string; unknown ones kept as sent). */
  status: InviteV2Status
  /** The whitelabel model. */
  modelId?: string
  /** The team, if any. */
  teamId?: string
  /** The team's name, if any. */
  teamName?: string
  /** When it was created. */
  createdAt?: Date
}

/** One entry of the organization's model list. */
export interface ModelSummary {
  /** The object's id. */
  id: string
  /** Its public id. */
  uid?: string
  /** The user's email. */
  email: string
  /** Its title. */
  title?: string
  /** Its status (a wire string; unknown ones kept as sent). */
  status: ModelStatus
  /** The team, if any. */
  teamId?: string
  /** The team's name, if any. */
  teamName?: string
  /** Test data: no credit spent, progresses by itself. */
  isDevelopment: boolean
  /** The kind of model (`lora`, `one-shot`). */
  version?: ModelVersion
  /** When it was created. */
  createdAt: Date
  /** When its headshots were finished. */
  finishedAt?: Date
}

/** The signed URLs of a photo (bearer URLs: `util.inspect` shows them redacted). */
export interface PhotoUrls {
  /** The main image URL (signed; prints redacted). */
  main: string
  /** With `include: 'all'`. */
  thumbnail?: string
  /** With `include: 'all'`. */
  original?: string
}

/** A generated headshot. */
export interface Photo {
  /** The object's id. */
  id: string
  /** The whitelabel model. */
  modelId?: string
  /** Its status (a wire string; unknown ones kept as sent). */
  status: PhotoStatus
  /** What the user thinks of it. */
  likedStatus: LikedStatus
  /** When it was created. */
  createdAt: Date
  /** Its signed URLs. */
  urls: PhotoUrls
  /** When the signed URLs stop working (24 hours after they were issued). */
  expiresAt: Date
}

/** A member's chosen favorite: the photo's fields and whose it is, flat. */
export interface FavoritePhoto extends Photo {
  /** The email address. */
  email?: string
  /** Its name. */
  name?: string
  /** The team, if any. */
  teamId?: string
  /** The team's name, if any. */
  teamName?: string
}

/** One photo's signed download URL (a CDN: fetch it without credentials). */
export interface DownloadLink {
  /** The photo. */
  photoId: string
  /** The signed download URL. */
  url: string
}

/** Signed download URLs for a model's photos. */
export interface DownloadLinks {
  /** One signed URL per photo. */
  downloads: DownloadLink[]
  /** When the signed URLs stop working. */
  expiresAt: Date
}

/** One photo's download has ended (`photos.save`'s `onProgress`). */
export interface SaveProgress {
  /** The photo. */
  photoId: string
  /** Whether it was saved (else it is in the report's `failed`). */
  saved: boolean
  /** Bytes written for it (0 when it failed). */
  bytes: number
  /** Photos finished so far, this one included. */
  completed: number
  /** Photos in this save. */
  total: number
}

/** A photo written to disk. */
export interface SavedPhoto {
  /** The photo. */
  photoId: string
  /** The file: the photo id plus an extension, in the directory. */
  path: string
  /** Bytes written. */
  bytes: number
  /** The CDN's `Content-Type`, when sent. */
  contentType?: string
}

/** A photo that was not saved, and why. */
export interface FailedDownload {
  /** The photo. */
  photoId: string
  /**
   * E.g. {@link PermissionDeniedError} (403) for an expired URL, {@link InvalidArgumentError} for a
   * file that exists without `overwrite`, {@link APIConnectionError} for a broken transfer.
   */
  error: HeadshotProError
}

/** What `photos.save` did; files already written are kept when others fail. */
export interface SaveReport {
  /** Photos written, in the order of the download links. */
  saved: SavedPhoto[]
  /** Photos not written, with the error. */
  failed: FailedDownload[]
  /** Whether every photo was saved (`failed` is empty). */
  complete: boolean
  /** Bytes written in all. */
  bytes: number
}

/**
 * One page of a list. `await` a list call for it; `for await` on the call (or on a page) walks
 * every item from there to the end of the list, fetching each next page only when the walk
 * reaches it.
 */
export declare class Page<T> implements AsyncIterable<T> {
  /** Pages come from list calls only. */
  private constructor()
  /** The items of this page. */
  readonly data: T[]
  /** The same array as `data`. */
  readonly items: T[]
  /** How many items the whole list holds, as the server counted them. */
  readonly total: number
  /** The page size. */
  readonly limit: number
  /** How many items come before this page. */
  readonly offset: number
  /** Whether the server says more items follow. */
  readonly hasMore: boolean
  /** Whether {@link Page.getNextPage} will fetch a page (more follow, and this page was not empty). */
  hasNextPage(): boolean
  /** The next page; `options` default to the list call's. Throws when there is none. */
  getNextPage(options?: RequestOptions): Promise<Page<T>>
  /** This page, then each following page. */
  iterPages(): AsyncGenerator<Page<T>, void, undefined>
  /** Every item from this page on. */
  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined>
}

/** What a list call returns: a Promise of its first page that `for await` walks item by item. */
export declare class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  /** Every item of the list, from the first page on. */
  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined>
}

/** `limit` (1..200, the server's default 50) and `offset` (≥ 0), checked before any request. */
export interface PageParams {
  /** Page size, 1..200 (the server's default 50). */
  limit?: number
  /** Items to skip, ≥ 0. */
  offset?: number
}

/** `client.organization`. */
export interface OrganizationResource {
  /** `GET /api/v1/organization`. */
  retrieve(options?: RequestOptions): APIPromise<Organization>
  /** The credits left (`GET /api/v1/organization/credits`): `const n = await client.organization.credits()`. */
  credits(options?: RequestOptions): APIPromise<number>
}

/** `client.invites`. */
export interface InvitesResource {
  /**
   * Invites a member, optionally into a team. Never retried once it may have arrived.
   * Rejects with BadRequestError (INVALID_EMAIL, ALREADY_EXISTS), InsufficientCreditsError or
   * InviteLimitError.
   *
   * ```ts
   * const invite = await client.invites.create({ email: 'ada@example.com', teamId })
   * console.log(invite.link)
   * ```
   */
  create(params: { email: string; teamId?: string }, options?: RequestOptions): APIPromise<Invite>
  /**
   * Invites every email (into `teamId` if given) and resolves with one result per input, in
   * input order: `created` (with the invite), `exists` (a pending invite already exists),
   * `invalid` (rejected locally and never sent, or INVALID_EMAIL) or `failed` (with the error).
   * Duplicates are sent once; one failure never stops the rest, but InsufficientCredits or
   * InviteLimit stops the sends after it (those inputs are `failed` with that error). Paced by
   * the client's rate limiter; a send whose answer was lost is never duplicated. Rejects only
   * for bad options (concurrency outside 1..32, a blank team id).
   *
   * ```ts
   * const results = await client.invites.createMany({
   *   emails: ['ada@example.com', 'alan@example.com'],
   *   teamId: 'team_1',
   *   onProgress: (p) => console.log(`${p.completed}/${p.total}`),
   * })
   * for (const r of results) if (r.outcome === 'failed') console.error(r.email, r.error)
   * ```
   */
  createMany(params: CreateManyParams, options?: RequestOptions): APIPromise<BulkInviteResult[]>
  /** Revokes the pending invites sent to this email. */
  revoke(params: { email: string }, options?: RequestOptions): APIPromise<void>
  /** Every invite of the organization. */
  list(options?: RequestOptions): APIPromise<InviteSummary[]>
  /** One invite's email, status and team. */
  retrieve(inviteId: string, options?: RequestOptions): APIPromise<InviteDetails>
  /** The email's latest invite (`GET /api/v2/organization/invites/{email}`). */
  retrieveByEmail(email: string, options?: RequestOptions): APIPromise<InviteV2>
}

/** Parameters of {@link InvitesResource.createMany}. */
export interface CreateManyParams {
  /** The emails to invite, in any number. */
  emails: string[]
  /** The team every email joins. */
  teamId?: string
  /** Invites in flight at once, 1..32 (default 4). */
  concurrency?: number
  /**
   * Called once per input as it settles (repeats settle with their first). Whatever it
   * throws never stops the run: it is reported once as a process warning.
   */
  onProgress?: (progress: BulkProgress) => void | Promise<void>
}

/** How one email of a bulk invite ended. */
export type BulkOutcome = Open<'created' | 'exists' | 'invalid' | 'failed'>

/** What became of one input of {@link InvitesResource.createMany}. */
export interface BulkInviteResult {
  /** The email as given (surrounding spaces removed). */
  email: string
  /** The team it was (or would have been) invited into, or null. */
  teamId: string | null
  /** How it ended. */
  outcome: BulkOutcome
  /** The invite, when `created`; else null. */
  invite: Invite | null
  /** Why, when `failed` or `invalid` (an instance of the SDK's error classes); else null. */
  error: HeadshotProError | null
}

/** One input of a bulk invite has settled. */
export interface BulkProgress {
  /** The input's position. */
  index: number
  /** What became of it. */
  result: BulkInviteResult
  /** Inputs settled so far, this one included. */
  completed: number
  /** Inputs in this call. */
  total: number
}

/** Options of {@link Client.request}. */
export interface RawRequestOptions extends RequestOptions {
  /** Sent as JSON; a value that cannot become JSON (a BigInt, a cycle, a function) throws {@link InvalidArgumentError}. */
  body?: unknown
  /** Query parameters (numbers and booleans are sent as text). */
  query?: Record<string, string | number | boolean>
}

/** `client.teams`: each call answers the updated organization. */
export interface TeamsResource {
  /** Creates a team: `await client.teams.create({ name: 'Growth' })`. Rejects with BadRequestError for a name already taken. */
  create(params: { name: string }, options?: RequestOptions): APIPromise<Organization>
  /** Renames a team; NotFoundError (or BadRequestError TEAM_NOT_FOUND) for an unknown one. */
  update(teamId: string, params: { name: string }, options?: RequestOptions): APIPromise<Organization>
  /** Deletes a team. */
  delete(teamId: string, options?: RequestOptions): APIPromise<Organization>
  /** Moves members (by email, any number: sent 100 a request) into a team; BadRequestError for an email that is not a member. */
  addMembers(teamId: string, params: { emails: string[] }, options?: RequestOptions): APIPromise<Organization>
  /** Every team of the organization. */
  list(options?: RequestOptions): APIPromise<Team[]>
}

/** Filters of {@link MembersResource.list}. */
export interface MemberListParams extends PageParams {
  /** Only members in this status. */
  status?: MemberStatus
}

/** `client.members`. */
export interface MembersResource {
  /**
   * One page of the organization's members; `for await` walks them all:
   * `for await (const m of client.members.list({ status: 'finished', limit: 200 })) console.log(m.email)`.
   * A limit outside 1..200 or a negative offset is an InvalidArgumentError, nothing sent.
   */
  list(params?: MemberListParams, options?: RequestOptions): PagePromise<Member>
  list(options: RequestOptions): PagePromise<Member>
}

/** Options of {@link ModelsResource.wait}. */
export interface WaitParams {
  /** The status to wait for (default `'active'`); `deleted` always ends the wait. */
  until?: ModelStatus
  /** Give up after this long (default 600000): {@link APITimeoutError}. */
  timeoutMs?: number
}

/** Parameters of {@link ModelsResource.create}. */
export interface ModelCreateParams {
  /** The email address. */
  email: string
  /** The team, if any. */
  teamId?: string
  /** Test data, no credit spent (default false). */
  isDevelopment?: boolean
  /** Which kind of model to train; the server's default (`lora`) when unset. */
  version?: ModelVersion
}

/** Filters of {@link ModelsResource.list}. */
export interface ModelListParams extends PageParams {
  /** Only models in this status. */
  status?: ModelStatus
  /** Only those of this team. */
  teamId?: string
}

/** `client.models`. */
export interface ModelsResource {
  /**
   * Creates a model. A create whose answer was lost is resent and, if the server already has
   * it, settled by finding it by email: never a duplicate. Rejects with
   * InsufficientCreditsError, PermissionDeniedError (whitelabel not enabled) or
   * BadRequestError.
   *
   * ```ts
   * const model = await client.models.create({ email: 'grace@example.com', isDevelopment: true })
   * // send model.signedUrl to the user; it logs them in
   * ```
   */
  create(params: ModelCreateParams, options?: RequestOptions): APIPromise<Model>
  /** One page of the organization's models; `for await` walks them all. */
  list(params?: ModelListParams, options?: RequestOptions): PagePromise<ModelSummary>
  list(options: RequestOptions): PagePromise<ModelSummary>
  /** A model with a fresh signed URL; NotFoundError for an unknown id. */
  retrieve(modelId: string, options?: RequestOptions): APIPromise<Model>
  /** Deletes a model (a lost answer is resent; finding it gone counts as done). */
  delete(modelId: string, options?: RequestOptions): APIPromise<DeletedModel>
  /**
   * Polls `retrieve` with backoff until the model reaches `until` (or `deleted`); `failed` is
   * not final (failed models restart). Rejects with APITimeoutError after `timeoutMs`:
   * `await client.models.wait(id, { until: 'active', timeoutMs: 600_000 })`.
   */
  wait(modelId: string, params?: WaitParams, options?: RequestOptions): APIPromise<Model>
  wait(modelId: string, options: RequestOptions): APIPromise<Model>
}

/** Filters of {@link PhotosResource.list}. */
export interface PhotoListParams extends PageParams {
  /** Only photos in this status. */
  status?: PhotoStatus
  /** What the user thinks of it. */
  likedStatus?: LikedStatus
  /** Which URLs to include: `main` (default) or `all`. */
  include?: PhotoInclude
}

/** Filters of {@link PhotosResource.favorites}. */
export interface FavoriteListParams extends PageParams {
  /** Only favorites of this team's members. */
  teamId?: string
  /** Which URLs to include: `main` (default) or `all`. */
  include?: PhotoInclude
}

/** Options of {@link PhotosResource.save}. */
export interface SaveOptions {
  /** Only these photos (default: every photo that is not deleted). */
  photoIds?: string[]
  /** Which URLs to include: `main` (default) or `all`. */
  include?: PhotoInclude
  /** Replace files that exist (default false: such a photo fails with InvalidArgumentError). */
  overwrite?: boolean
  /** Downloads at once, 1..32 (default 4). */
  concurrency?: number
  /**
   * Called once per photo as its download ends, before the promise settles. Whatever it
   * throws (or an async one rejects with) never stops the download: it is reported once per
   * save as a process warning (`HeadshotProWarning`).
   */
  onProgress?: (progress: SaveProgress) => void | Promise<void>
  /** Aborting it stops the downloads (no partial file is left) and rejects with {@link APIUserAbortError}. */
  signal?: AbortSignal
}

/** `client.photos`: a model's headshots, favorites and downloads. */
export interface PhotosResource {
  /** One page of a model's photos; `for await` walks them all. */
  list(modelId: string, params?: PhotoListParams, options?: RequestOptions): PagePromise<Photo>
  list(modelId: string, options: RequestOptions): PagePromise<Photo>
  /** One photo; NotFoundError for an unknown model or photo. */
  retrieve(modelId: string, photoId: string, params?: { include?: PhotoInclude }, options?: RequestOptions): APIPromise<Photo>
  retrieve(modelId: string, photoId: string, options: RequestOptions): APIPromise<Photo>
  /** The photo the user chose as favorite, or null while none is chosen. */
  favorite(modelId: string, params?: { include?: PhotoInclude }, options?: RequestOptions): APIPromise<Photo | null>
  favorite(modelId: string, options: RequestOptions): APIPromise<Photo | null>
  /** Signed download URLs (every photo when `photoIds` is unset). Changes nothing, so it is retried like a GET. */
  downloadLinks(
    modelId: string,
    params?: { photoIds?: string[]; include?: PhotoInclude },
    options?: RequestOptions,
  ): APIPromise<DownloadLinks>
  downloadLinks(modelId: string, options: RequestOptions): APIPromise<DownloadLinks>
  /** One page of every member's favorite photo (organization-wide); `for await` walks them all. */
  favorites(params?: FavoriteListParams, options?: RequestOptions): PagePromise<FavoritePhoto>
  favorites(options: RequestOptions): PagePromise<FavoritePhoto>
  /**
   * Downloads a model's photos into `directory` (created if missing, checked writable before
   * anything is fetched): the signed URLs are fetched without the API key, a few at once, each
   * streamed to a hidden temporary file renamed into place. A photo that fails does not stop
   * the others: check `report.failed` (or `report.complete`).
   *
   * ```ts
   * const report = await client.photos.save(modelId, 'headshots/', { onProgress: (p) => console.log(p.completed, p.total) })
   * if (!report.complete) for (const f of report.failed) console.error(f.photoId, f.error)
   * ```
   */
  save(modelId: string, directory: string, options?: SaveOptions): APIPromise<SaveReport>
}

/** A HeadshotPro API client; each `new Client` has its own connection pool, shared by the clients its `withOptions` makes. */
export declare class Client {
  /**
   * A client: `new Client()` reads `HEADSHOTPRO_API_KEY`; `new Client({ apiKey, baseUrl,
   * timeoutMs, maxRetries, logger, logLevel, defaultHeaders, appInfo })`. Throws
   * {@link InvalidArgumentError} for a missing key or a refused setting; sends nothing.
   */
  constructor(options?: ClientOptions)
  /** Organization details and credits. */
  readonly organization: OrganizationResource
  /** Invites, one or many. */
  readonly invites: InvitesResource
  /** Teams. */
  readonly teams: TeamsResource
  /** Members (pages). */
  readonly members: MembersResource
  /** Whitelabel models. */
  readonly models: ModelsResource
  /** Photos: pages, favorites, download links and `save`. */
  readonly photos: PhotosResource
  /** The base URL requests go to. */
  readonly baseUrl: string
  /** `headshotpro-node/<version> core/<version>`. */
  readonly userAgent: string
  /** The per-attempt timeout in milliseconds. */
  readonly timeoutMs: number
  /** The retries made after a failed attempt. */
  readonly maxRetries: number
  /** The local cap on requests per minute, or null when none was set. */
  readonly maxRequestsPerMinute: number | null
  /**
   * The `X-RateLimit-*` headers of the last answer that carried them (shared with the clients
   * `withOptions` makes); null before any.
   */
  readonly lastRateLimit: RateLimitInfo | null
  /**
   * A client with another per-attempt timeout and/or number of retries that
   * shares this client's connection pool; this client is unchanged:
   * `client.withOptions({ timeoutMs: 5000 }).models.retrieve(id)`.
   */
  withOptions(options: WithOptions): Client
  /** The level records are passed on at. */
  readonly logLevel: LogLevel
  /**
   * Calls `listener` with each attempt's event, for metrics, as stripe-node's events: `request`
   * before it is sent (retries too), `response` once it ended. Listeners are shared with the
   * clients `withOptions` makes and run on Node's thread, shortly after the event. A listener
   * that throws is logged (through `logger.warn`, else a process warning) and never breaks
   * the call.
   *
   * ```ts
   * client.on('response', (e) => metrics.timing(`headshotpro.${e.operation}`, e.durationMs))
   * ```
   */
  on(event: 'request', listener: (event: RequestEvent) => void): this
  on(event: 'response', listener: (event: ResponseEvent) => void): this
  /** Removes a listener. */
  off(event: 'request', listener: (event: RequestEvent) => void): this
  off(event: 'response', listener: (event: ResponseEvent) => void): this
  /** Calls `listener` with the next event of that name only. */
  once(event: 'request', listener: (event: RequestEvent) => void): this
  once(event: 'response', listener: (event: ResponseEvent) => void): this
  /**
   * Calls an endpoint the SDK does not wrap yet, with the same key, retries (following the
   * method: POST and PATCH only on 429 or a refused connection), rate limiter, errors, logs and
   * hooks, and resolves with the answer's decoded JSON (null for an empty answer).
   * `method` is GET, POST, PUT, PATCH or DELETE; `path` starts with `/` under the base URL
   * (absolute URLs, `..` segments and control characters throw {@link InvalidArgumentError},
   * nothing sent). An answer that is not JSON rejects with {@link ResponseDecodeError}.
   *
   * ```ts
   * const teams = await client.request('GET', '/api/v2/organization/teams')
   * const page = await client.request('GET', '/api/v2/organization/models', { query: { limit: 5 } })
   * ```
   */
  request<T = unknown>(method: string, path: string, options?: RawRequestOptions): APIPromise<T>
}

/** Rate-limit headers of an answer. */
export interface RateLimitInfo {
  /** Requests allowed per window (`X-RateLimit-Limit`). */
  limit?: number
  /** Requests left in this window (`X-RateLimit-Remaining`). */
  remaining?: number
  /** When the window resets (`X-RateLimit-Reset`). */
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
  /** The HTTP status. */
  readonly status: number
  /** The API error code, e.g. `NOT_FOUND`. */
  readonly code: string
  /** The raw answer body, truncated. */
  readonly body: string
  /** The operation, e.g. `models.retrieve`. */
  readonly operation: string
}
/** 400: INVALID_REQUEST, INVALID_EMAIL, ALREADY_EXISTS, ALREADY_DELETED, TEAM_NOT_FOUND. */
export declare class BadRequestError extends APIError {}
/** 401: a missing or wrong API key. */
export declare class AuthenticationError extends APIError {}
/** 402, or INSUFFICIENT_CREDITS at any status. */
export declare class InsufficientCreditsError extends APIError {}
/** 403, e.g. whitelabel not enabled. */
export declare class PermissionDeniedError extends APIError {}
/** 404. */
export declare class NotFoundError extends APIError {}
/** 429 RATE_LIMIT_EXCEEDED after the retries: see `retryAfter` and `resetAt`. */
export declare class RateLimitError extends APIError {}
/** 429 INVITE_LIMIT_EXCEEDED: too many pending invites; never retried. */
export declare class InviteLimitError extends APIError {}
/** 5xx after the retries. */
export declare class ServerError extends APIError {}
/** No answer: refused, reset, DNS, TLS. */
export declare class APIConnectionError extends HeadshotProError {}
/** An attempt (or `models.wait`) ran out of time. */
export declare class APITimeoutError extends APIConnectionError {}
/** A 2xx whose body is not what the API reference documents. */
export declare class ResponseDecodeError extends HeadshotProError {}
/** Bad or missing signature, stale timestamp, or invalid payload. */
export declare class WebhookVerificationError extends HeadshotProError {}
/** The call was cancelled by its `signal`; `name` is `'AbortError'` as for fetch. */
export declare class APIUserAbortError extends HeadshotProError {
  /** Its name. */
  /** `'AbortError'`, as fetch's. */
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
