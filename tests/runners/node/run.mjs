#!/usr/bin/env node
// The Node runner of the cross-language matrix (see tests/README.md): runs
// every case of tests/cases through the public `headshotpro` package API only,
// against its own headshotpro-mock, and writes
// [{"case", "passed", "detail"}] to --out.
//
//   node tests/runners/node/run.mjs --cases tests/cases --vectors tests/vectors \
//     --mock-bin target/debug/headshotpro-mock --out target/matrix/node.json
//
// `--only TEXT` runs only the cases whose file name contains TEXT.

import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { readFileSync, readdirSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const hp = await import(pathToFileURL(path.join(repo, 'bindings-node', 'index.mjs')).href)

/** How long a `webhooks` step waits for the deliveries it counts, and how often it looks. */
const WEBHOOK_WAIT_MS = 10_000
const WEBHOOK_POLL_MS = 25

const MOCK_FLAGS = ['--port', '0', '--dev-step-ms', '50', '--webhook-delay-ms', '0', '--webhook-retry-ms', '50', '--exit-on-stdin-close']

function parseArgs(argv) {
  const args = {
    cases: path.join(repo, 'tests', 'cases'),
    vectors: path.join(repo, 'tests', 'vectors'),
    mockBin: process.env.HEADSHOTPRO_MOCK_BIN || path.join(repo, 'target', 'debug', 'headshotpro-mock'),
    out: path.join(repo, 'target', 'matrix', 'node.json'),
  }
  const keys = { '--cases': 'cases', '--vectors': 'vectors', '--mock-bin': 'mockBin', '--out': 'out', '--only': 'only' }
  for (let i = 2; i < argv.length; i += 2) {
    const key = keys[argv[i]]
    if (!key || argv[i + 1] === undefined) throw new Error(`unknown or incomplete argument ${argv[i]}`)
    args[key] = argv[i + 1]
  }
  return args
}

// ---- the mock -------------------------------------------------------------

function startMock(bin) {
  const child = spawn(bin, MOCK_FLAGS, { stdio: ['pipe', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`headshotpro-mock exited early (${code})`)))
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (line) => {
      try {
        const info = JSON.parse(line)
        lines.on('line', () => {})
        child.removeAllListeners('exit')
        resolve({ url: info.url, apiKey: info.api_key, stop: () => (child.stdin.end(), child.kill()) })
      } catch (e) {
        reject(e)
      }
    })
  })
}

async function control(mock, method, pathname, body) {
  const res = await fetch(mock.url + pathname, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: res.status, json }
}

async function mustControl(mock, method, pathname, body) {
  const answer = await control(mock, method, pathname, body)
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${method} ${pathname} answered ${answer.status}: ${JSON.stringify(answer.json)}`)
  }
  return answer.json
}

function closedPort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

// ---- canonical JSON ---------------------------------------------------------

const opt = (v) => (v === undefined ? null : v)
const time = (v) => (v instanceof Date ? v.toISOString() : opt(v))

const canon = {
  organization: (o) => ({
    uid: o.uid,
    name: o.name,
    website: opt(o.website),
    description: opt(o.description),
    teams: o.teams.map((t) => ({ id: t.id, name: t.name })),
  }),
  invite: (i) => ({ id: i.id, email: i.email, link: i.link, team_id: opt(i.teamId), message: opt(i.message) }),
  inviteList: (list) =>
    list.map((i) => ({
      id: i.id,
      email: i.email,
      valid: i.valid,
      team_id: opt(i.teamId),
      created_at: time(i.createdAt),
      used: i.used,
      link: i.link,
    })),
  inviteDetails: (i) => ({ email: i.email, status: i.status, team_id: opt(i.teamId) }),
  model: (m) => ({ model_id: m.modelId, status: m.status, is_development: m.isDevelopment, signed_url: m.signedUrl }),
  deletedModel: (m) => ({ model_id: m.modelId, message: m.message }),
  event: (e) => ({
    id: opt(e.id),
    event: e.event,
    created_at: time(e.createdAt),
    object_type: e.objectType,
    photo_id: opt(e.photoId),
    object: {
      id: e.object.id,
      uid: e.object.uid,
      title: e.object.title,
      trigger: e.object.trigger,
      status: e.object.status,
      is_development: e.object.isDevelopment,
      finished_at: time(e.object.finishedAt),
      deleted_at: time(e.object.deletedAt),
      invite_expires_at: time(e.object.inviteExpiresAt),
      created_at: time(e.object.createdAt),
      organization: e.object.organization,
    },
  }),
  number: (n) => n,
  /** `{limit, remaining, reset_at}`, or null for none. */
  rateLimit: (r) => (r === null || r === undefined ? null : { limit: opt(r.limit), remaining: opt(r.remaining), reset_at: time(r.resetAt) }),
  /** Decoded JSON as is. */
  json: (v) => (v === undefined ? null : v),
  none: () => null,
  teams: (teams) => teams.map((t) => ({ id: t.id, name: t.name })),
  member: (m) => ({
    id: m.id,
    email: m.email,
    name: opt(m.name),
    status: m.status,
    team_id: opt(m.teamId),
    team_name: opt(m.teamName),
    model_id: opt(m.modelId),
    model_status: opt(m.modelStatus),
    joined_at: time(m.joinedAt),
  }),
  inviteV2: (i) => ({
    id: opt(i.id),
    email: i.email,
    status: i.status,
    model_id: opt(i.modelId),
    team_id: opt(i.teamId),
    team_name: opt(i.teamName),
    created_at: time(i.createdAt),
  }),
  modelSummary: (m) => ({
    id: m.id,
    uid: opt(m.uid),
    email: m.email,
    title: opt(m.title),
    status: m.status,
    team_id: opt(m.teamId),
    team_name: opt(m.teamName),
    is_development: m.isDevelopment,
    version: opt(m.version),
    created_at: time(m.createdAt),
    finished_at: time(m.finishedAt),
  }),
  photo: (p) => ({
    id: p.id,
    model_id: opt(p.modelId),
    status: p.status,
    liked_status: p.likedStatus,
    created_at: time(p.createdAt),
    urls: { main: p.urls.main, thumbnail: opt(p.urls.thumbnail), original: opt(p.urls.original) },
    expires_at: time(p.expiresAt),
  }),
  favoritePhoto: (f) => ({
    ...canon.photo(f),
    email: opt(f.email),
    name: opt(f.name),
    team_id: opt(f.teamId),
    team_name: opt(f.teamName),
  }),
  optionalPhoto: (p) => (p === null ? null : canon.photo(p)),
  downloadLinks: (l) => ({
    downloads: l.downloads.map((d) => ({ photo_id: d.photoId, url: d.url })),
    expires_at: time(l.expiresAt),
  }),
  /** A page: `{items, total, limit, offset, has_more}`. */
  page: (item) => (p) => ({ items: p.data.map(item), total: p.total, limit: p.limit, offset: p.offset, has_more: p.hasMore }),
  /** Every item of a walk. */
  all: (item) => (items) => items.map(item),
  /** A save report; `files` is every entry of the case directory. */
  saveReport: (r, ctx) => ({
    saved: r.saved
      .map((s) => ({ photo_id: s.photoId, file_name: path.basename(s.path), bytes: s.bytes }))
      .sort(byPhotoId),
    failed: r.failed
      .map((f) => ({
        photo_id: f.photoId,
        error: { class: className(f.error), code: opt(f.error.code), status: opt(f.error.status) },
      }))
      .sort(byPhotoId),
    files: readdirSync(ctx.caseDir).sort(),
  }),
}

function byPhotoId(a, b) {
  return a.photo_id < b.photo_id ? -1 : a.photo_id > b.photo_id ? 1 : 0
}

// ---- operations: snake_case args -> the package's Node style ---------------

function loadVector(ctx, name) {
  return JSON.parse(readFileSync(path.join(ctx.vectors, `${name}.json`), 'utf8'))
}

/** `undefined` for an absent or null argument, as the package's optional params take it. */
const arg = (v) => (v === null ? undefined : v)

/** Every item of a list, walked with `for await` on the list call's promise. */
async function walk(pagePromise) {
  const items = []
  for await (const item of pagePromise) items.push(item)
  return items
}

const memberParams = (a) => ({ status: arg(a.status), limit: arg(a.limit), offset: arg(a.offset) })
const modelParams = (a) => ({ status: arg(a.status), teamId: arg(a.team_id), limit: arg(a.limit), offset: arg(a.offset) })
const photoParams = (a) => ({
  status: arg(a.status),
  likedStatus: arg(a.liked_status),
  include: arg(a.include),
  limit: arg(a.limit),
  offset: arg(a.offset),
})
const favoriteParams = (a) => ({ teamId: arg(a.team_id), include: arg(a.include), limit: arg(a.limit), offset: arg(a.offset) })

const ops = {
  'organization.retrieve': [(c) => c.organization.retrieve(), canon.organization],
  'organization.credits': [(c) => c.organization.credits(), canon.number],
  'invites.create': [(c, a) => c.invites.create({ email: a.email, teamId: a.team_id ?? undefined }), canon.invite],
  'invites.revoke': [(c, a) => c.invites.revoke({ email: a.email }), canon.none],
  'invites.list': [(c) => c.invites.list(), canon.inviteList],
  'invites.retrieve': [(c, a) => c.invites.retrieve(a.invite_id), canon.inviteDetails],
  'teams.create': [(c, a) => c.teams.create({ name: a.name }), canon.organization],
  'teams.update': [(c, a) => c.teams.update(a.team_id, { name: a.name }), canon.organization],
  'teams.delete': [(c, a) => c.teams.delete(a.team_id), canon.organization],
  'teams.add_members': [(c, a) => c.teams.addMembers(a.team_id, { emails: a.emails }), canon.organization],
  'models.create': [
    (c, a) =>
      c.models.create({ email: a.email, teamId: arg(a.team_id), isDevelopment: arg(a.is_development), version: arg(a.version) }),
    canon.model,
  ],
  'models.retrieve': [(c, a) => c.models.retrieve(a.model_id), canon.model],
  'models.delete': [(c, a) => c.models.delete(a.model_id), canon.deletedModel],
  'models.wait': [(c, a) => c.models.wait(a.model_id, { until: a.until, timeoutMs: a.timeout_ms }), canon.model],
  'webhook.parse': [(c, a, ctx) => hp.parseWebhook(loadVector(ctx, a.vector).body), canon.event],
  'webhook.verify': [
    (c, a, ctx) => {
      const v = loadVector(ctx, a.vector)
      const options = a.tolerance_sec === undefined ? undefined : { toleranceSec: a.tolerance_sec }
      return hp.verifyWebhook(v.body, v.headers, a.secret ?? v.secret, options)
    },
    canon.event,
  ],
  'teams.list': [(c) => c.teams.list(), canon.teams],
  'members.list': [(c, a) => c.members.list(memberParams(a)), canon.page(canon.member)],
  'members.list_all': [(c, a) => walk(c.members.list(memberParams(a))), canon.all(canon.member)],
  'invites.retrieve_by_email': [(c, a) => c.invites.retrieveByEmail(a.email), canon.inviteV2],
  'models.list': [(c, a) => c.models.list(modelParams(a)), canon.page(canon.modelSummary)],
  'models.list_all': [(c, a) => walk(c.models.list(modelParams(a))), canon.all(canon.modelSummary)],
  'photos.list': [(c, a) => c.photos.list(a.model_id, photoParams(a)), canon.page(canon.photo)],
  'photos.list_all': [(c, a) => walk(c.photos.list(a.model_id, photoParams(a))), canon.all(canon.photo)],
  'photos.retrieve': [(c, a) => c.photos.retrieve(a.model_id, a.photo_id, { include: arg(a.include) }), canon.photo],
  'photos.favorite': [(c, a) => c.photos.favorite(a.model_id, { include: arg(a.include) }), canon.optionalPhoto],
  'photos.download_links': [
    (c, a) => c.photos.downloadLinks(a.model_id, { photoIds: arg(a.photo_ids), include: arg(a.include) }),
    canon.downloadLinks,
  ],
  'photos.favorites': [(c, a) => c.photos.favorites(favoriteParams(a)), canon.page(canon.favoritePhoto)],
  'photos.favorites_all': [(c, a) => walk(c.photos.favorites(favoriteParams(a))), canon.all(canon.favoritePhoto)],
  'client.request': [
    (c, a) => c.request(a.method, a.path, { body: arg(a.body), query: arg(a.query) }),
    canon.json,
  ],
  'client.last_rate_limit': [(c) => c.lastRateLimit, (r) => canon.rateLimit(r)],
  'client.create': [
    async (c, a, ctx) => {
      const built = await buildClient(ctx.mock, a)
      if (built.error) throw built.error
      return null
    },
    canon.none,
  ],
  'photos.save': [
    (c, a, ctx) =>
      c.photos.save(a.model_id, ctx.caseDir, {
        photoIds: arg(a.photo_ids),
        include: arg(a.include),
        overwrite: arg(a.overwrite),
        concurrency: arg(a.concurrency),
      }),
    canon.saveReport,
  ],
}

// ---- variables and matching ---------------------------------------------------

function lookup(vars, expr) {
  const [name, ...keys] = expr.split('.')
  if (!(name in vars)) throw new Error(`unknown variable \${${expr}}`)
  let value = vars[name]
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !(key in value)) throw new Error(`\${${expr}} has no ${key}`)
    value = value[key]
  }
  return value
}

function substitute(value, vars) {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value)
    if (whole) return lookup(vars, whole[1])
    return value.replace(/\$\{([^}]+)\}/g, (_, expr) => {
      const v = lookup(vars, expr)
      return typeof v === 'string' ? v : JSON.stringify(v)
    })
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]))
  }
  return value
}

/** Why `actual` does not match `expected`, or null when it does. */
function mismatch(expected, actual, at = '$') {
  if (expected === '$any') return null
  if (expected === '$present') return actual === null || actual === undefined ? `${at}: expected a value, got ${actual}` : null
  if (expected === '$absent') return actual === null || actual === undefined ? null : `${at}: expected absent, got ${JSON.stringify(actual)}`
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${JSON.stringify(actual)}`
    if (actual.length !== expected.length) return `${at}: expected ${expected.length} items, got ${actual.length}`
    for (let i = 0; i < expected.length; i++) {
      const why = mismatch(expected[i], actual[i], `${at}[${i}]`)
      if (why) return why
    }
    return null
  }
  if (expected !== null && typeof expected === 'object') {
    const keys = Object.keys(expected)
    if (keys.length === 1 && keys[0] === '$len') {
      return Array.isArray(actual) && actual.length === expected.$len
        ? null
        : `${at}: expected length ${expected.$len}, got ${JSON.stringify(actual)}`
    }
    if (keys.length === 1 && keys[0] === '$contains') {
      return typeof actual === 'string' && actual.includes(expected.$contains)
        ? null
        : `${at}: expected a string containing ${JSON.stringify(expected.$contains)}, got ${JSON.stringify(actual)}`
    }
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return `${at}: expected an object, got ${JSON.stringify(actual)}`
    }
    for (const key of keys) {
      const why = mismatch(expected[key], actual[key] === undefined ? null : actual[key], `${at}.${key}`)
      if (why) return why
    }
    return null
  }
  return expected === actual ? null : `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`
}

function className(err) {
  if (err instanceof hp.HeadshotProError) return err.constructor.name
  return err?.name ?? typeof err
}

// ---- one case ------------------------------------------------------------------

async function buildClient(mock, overrides = {}) {
  const options = { apiKey: mock.apiKey, baseUrl: mock.url }
  if (overrides.max_retries !== undefined) options.maxRetries = overrides.max_retries
  if (overrides.timeout_ms !== undefined) options.timeoutMs = overrides.timeout_ms
  if (overrides.api_key !== undefined) options.apiKey = overrides.api_key
  if (overrides.default_headers !== undefined) options.defaultHeaders = overrides.default_headers
  if (overrides.app_info !== undefined) options.appInfo = overrides.app_info
  if (overrides.max_requests_per_minute !== undefined) options.maxRequestsPerMinute = overrides.max_requests_per_minute
  if (overrides.base_url !== undefined) {
    options.baseUrl = overrides.base_url === '$closed_port' ? `http://127.0.0.1:${await closedPort()}` : overrides.base_url
  }
  try {
    return { client: new hp.Client(options) }
  } catch (err) {
    return { error: err }
  }
}

/** The client a step calls through: its `options` applied with `withOptions`, on the same pool. */
function withStepOptions(client, options) {
  if (options === undefined) return client
  const perCall = {}
  if (options.timeout_ms !== undefined) perCall.timeoutMs = options.timeout_ms
  if (options.max_retries !== undefined) perCall.maxRetries = options.max_retries
  if (options.headers !== undefined) perCall.headers = options.headers
  return client.withOptions(perCall)
}

async function runStep(step, i, ctx) {
  const where = `step ${i + 1}`
  if (step.control) {
    const { method, path: p, body, expect_status: inside } = substitute(step.control, ctx.vars)
    const expectStatus = inside ?? step.expect_status
    const answer = await control(ctx.mock, method, p, body)
    const ok = expectStatus === undefined ? answer.status >= 200 && answer.status <= 299 : answer.status === expectStatus
    if (!ok) throw new Error(`${where}: ${method} ${p} answered ${answer.status}: ${JSON.stringify(answer.json)}`)
    return
  }
  if (step.requests) {
    const { method, path: prefix, count, headers } = substitute(step.requests, ctx.vars)
    const log = await mustControl(ctx.mock, 'GET', '/__mock/requests')
    const all = Array.isArray(log) ? log : log.requests
    const matching = all.filter((r) => (!method || r.method.toUpperCase() === method.toUpperCase()) && r.path.startsWith(prefix))
    if (matching.length !== count) {
      const seen = all.map((r) => `${r.method} ${r.path}`).join(', ')
      throw new Error(`${where}: expected ${count} requests to ${method ?? '*'} ${prefix}, saw ${matching.length}; request log: ${seen}`)
    }
    if (headers !== undefined) {
      const pattern = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
      for (const r of matching) {
        const got = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
        const why = mismatch(pattern, got)
        if (why) throw new Error(`${where}: headers of ${r.method} ${r.path}: ${why}`)
      }
    }
    return
  }
  if (step.webhooks) {
    const { event, model_id: modelId, count } = substitute(step.webhooks, ctx.vars)
    const deadline = performance.now() + WEBHOOK_WAIT_MS
    for (;;) {
      const log = (await mustControl(ctx.mock, 'GET', '/__mock/webhooks')).webhooks
      const n = log.filter((w) => w.attempt === 1 && (!event || w.event === event) && (!modelId || w.modelId === modelId)).length
      if (n === count) return
      if (n > count || performance.now() >= deadline) {
        const seen = log.map((w) => `${w.event} ${w.modelId} attempt ${w.attempt}`).join(', ')
        throw new Error(`${where}: expected ${count} webhook event(s) ${event ?? '*'} for model ${modelId ?? '*'}, found ${n}; webhook log: ${seen}`)
      }
      await new Promise((r) => setTimeout(r, WEBHOOK_POLL_MS))
    }
  }
  if (step.sleep_ms !== undefined) {
    await new Promise((r) => setTimeout(r, step.sleep_ms))
    return
  }
  if (!step.op) throw new Error(`${where}: no op, control, requests, webhooks or sleep_ms`)
  const entry = ops[step.op]
  if (!entry) throw new Error(`${where}: unknown op ${step.op}`)
  const [call, toCanonical] = entry
  const args = substitute(step.args ?? {}, ctx.vars)
  const expect = step.expect ?? {}
  const started = performance.now()
  let result
  let error
  try {
    if (ctx.clientError) throw ctx.clientError
    const client = withStepOptions(ctx.client, step.options)
    if (step.raw) {
      const { data, response } = await call(client, args, ctx).withResponse()
      result = {
        data: toCanonical(data, ctx),
        status: response.status,
        headers: Object.fromEntries(response.headers),
        rate_limit: canon.rateLimit(response.rateLimit),
      }
    } else {
      result = toCanonical(await call(client, args, ctx), ctx)
    }
  } catch (err) {
    error = err
  }
  const elapsed = performance.now() - started
  if (expect.error) {
    if (!error) throw new Error(`${where} (${step.op}): expected ${expect.error.class}, got result ${JSON.stringify(result)}`)
    const want = expect.error
    const got = className(error)
    if (got !== want.class) throw new Error(`${where} (${step.op}): expected ${want.class}, got ${got}: ${error.message}`)
    if (want.code !== undefined && error.code !== want.code) throw new Error(`${where}: expected code ${want.code}, got ${error.code}`)
    if (want.status !== undefined && error.status !== want.status) throw new Error(`${where}: expected status ${want.status}, got ${error.status}`)
    if (want.message_contains !== undefined && !String(error.message).includes(want.message_contains)) {
      throw new Error(`${where}: expected a message containing ${JSON.stringify(want.message_contains)}, got ${JSON.stringify(error.message)}`)
    }
  } else {
    if (error) throw new Error(`${where} (${step.op}): unexpected ${className(error)}: ${error.message}`)
    if (expect.result !== undefined) {
      const why = mismatch(substitute(expect.result, ctx.vars), result)
      if (why) throw new Error(`${where} (${step.op}): ${why}`)
    }
    if (step.save) ctx.vars[step.save] = result
  }
  if (expect.min_elapsed_ms !== undefined && elapsed < expect.min_elapsed_ms) {
    throw new Error(`${where} (${step.op}): took ${elapsed.toFixed(0)} ms, expected at least ${expect.min_elapsed_ms}`)
  }
}

async function runCase(spec, ctx) {
  await mustControl(ctx.mock, 'POST', '/__mock/reset')
  if (spec.mock) await mustControl(ctx.mock, 'PUT', '/__mock/organization', spec.mock)
  for (const f of spec.faults ?? []) await mustControl(ctx.mock, 'POST', '/__mock/faults', f)
  const built = await buildClient(ctx.mock, spec.client)
  const caseDir = mkdtempSync(path.join(tmpdir(), `headshotpro-matrix-node-${spec.name}-`))
  const env = { mock_url: ctx.mock.url, closed_port_url: `http://127.0.0.1:${await closedPort()}` }
  const caseCtx = { ...ctx, client: built.client, clientError: built.error, caseDir, vars: { env } }
  try {
    const steps = spec.steps ?? []
    for (let i = 0; i < steps.length; i++) await runStep(steps[i], i, caseCtx)
  } finally {
    rmSync(caseDir, { recursive: true, force: true })
  }
}

// ---- main ------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv)
  const files = readdirSync(args.cases)
    .filter((f) => f.endsWith('.json') && (args.only === undefined || f.includes(args.only)))
    .sort()
  const results = []
  let mock
  let startError
  try {
    mock = await startMock(args.mockBin)
  } catch (err) {
    startError = err
  }
  try {
    for (const file of files) {
      const name = file.slice(0, -'.json'.length)
      if (startError) {
        results.push({ case: name, passed: false, detail: `the mock did not start: ${startError.message}` })
        continue
      }
      try {
        const spec = JSON.parse(readFileSync(path.join(args.cases, file), 'utf8'))
        await runCase(spec, { mock, vectors: args.vectors })
        results.push({ case: name, passed: true, detail: '' })
      } catch (err) {
        results.push({ case: name, passed: false, detail: String(err?.message ?? err) })
      }
    }
  } finally {
    mock?.stop()
  }
  mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true })
  writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n')
  for (const r of results) if (!r.passed) console.log(`FAIL ${r.case}: ${r.detail}`)
  const passed = results.filter((r) => r.passed).length
  console.log(`node: ${passed} passed, ${results.length - passed} failed`)
}

await main()
