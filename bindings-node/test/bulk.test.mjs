// invites.createMany through the public package: results in input order,
// duplicates sent once, invalid emails never sent, progress reported before
// the promise settles, a throwing callback ignored, errors as classes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as hp from '../index.mjs'
import { useMock, requests, fault } from './helpers.mjs'

const mock = useMock()
const client = (extra = {}) => new hp.Client({ apiKey: mock.apiKey, baseUrl: mock.url, ...extra })
const INVITE = '/api/v1/organization/invite'

test('one result per input, in input order; duplicates sent once; invalid ones never sent', async () => {
  const c = client()
  await c.invites.create({ email: 'old@example.com' })
  const emails = ['a@example.com', 'not-an-email', ' b@example.com ', 'a@example.com', 'old@example.com']
  const progress = []
  const results = await c.invites.createMany({ emails, concurrency: 2, onProgress: (p) => progress.push(p) })
  assert.deepEqual(
    results.map((r) => [r.email, r.outcome]),
    [
      ['a@example.com', 'created'],
      ['not-an-email', 'invalid'],
      ['b@example.com', 'created'],
      ['a@example.com', 'created'],
      ['old@example.com', 'exists'],
    ],
  )
  assert.equal(results[0].invite.email, 'a@example.com')
  assert.equal(results[3].invite.id, results[0].invite.id)
  assert.ok(results[1].error instanceof hp.InvalidArgumentError)
  assert.equal(results[0].error, null)
  assert.equal(progress.length, emails.length)
  assert.deepEqual(progress.map((p) => p.index).sort(), [0, 1, 2, 3, 4])
  assert.equal(Math.max(...progress.map((p) => p.completed)), 5)
  assert.ok(progress.every((p) => p.total === 5))
  const sent = (await requests(mock, 'POST', INVITE)).filter((r) => r.path === INVITE)
  assert.equal(sent.length, 4) // old@ once before, then a@, b@ and old@ again
})

test('a failure is that input only, as its error class; a throwing callback never stops the run', async () => {
  await fault(mock, { method: 'POST', path: INVITE, status: 500, times: 1 })
  const c = client({ maxRetries: 0 })
  const warnings = []
  const onWarning = (w) => warnings.push(w)
  process.on('warning', onWarning)
  let results
  try {
    results = await c.invites.createMany({
      emails: ['x@example.com', 'y@example.com'],
      concurrency: 1,
      onProgress: () => {
        throw new Error('progress bar down')
      },
    })
    await new Promise((r) => setTimeout(r, 20))
  } finally {
    process.off('warning', onWarning)
  }
  const failed = results.filter((r) => r.outcome === 'failed')
  assert.equal(failed.length, 1)
  assert.ok(failed[0].error instanceof hp.ServerError)
  assert.equal(results.filter((r) => r.outcome === 'created').length, 1)
  assert.equal(warnings.filter((w) => w.code === 'HEADSHOTPRO_OBSERVER_FAILED').length, 1)
})

test('bad options reject as a whole, before anything is sent', async () => {
  const c = client()
  await assert.rejects(c.invites.createMany({ emails: ['a@example.com'], concurrency: 0 }), hp.InvalidArgumentError)
  await assert.rejects(c.invites.createMany({ emails: ['a@example.com'], teamId: ' ' }), hp.InvalidArgumentError)
  await assert.rejects(c.invites.createMany({ emails: 'a@example.com' }), hp.InvalidArgumentError)
  await assert.rejects(c.invites.createMany({ emails: [], bogus: 1 }), hp.InvalidArgumentError)
  assert.equal((await requests(mock, 'POST', INVITE)).length, 0)
  assert.deepEqual(await c.invites.createMany({ emails: [] }), [])
})
