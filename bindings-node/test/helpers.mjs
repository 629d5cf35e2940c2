// Test harness: one in-process MockServer (headshotpro/testing) per test
// file, reset before every test and closed at teardown. The suite thereby
// tests MockServer itself on every run.
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { before, after, beforeEach } from 'node:test'
import { MockServer } from '../testing.mjs'

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const repoDir = path.resolve(packageDir, '..')

/** Settings that keep tests fast: development models step every 50 ms, webhooks go at once. */
export const FAST = { devStepMs: 50, webhookDelayMs: 0, webhookRetryMs: 50 }

/**
 * A mock shared by the tests of one file, reset before each test:
 * `{ url, apiKey, server }` once the file's `before` hook ran.
 */
export function useMock(options = FAST) {
  const mock = {}
  before(async () => {
    const server = await MockServer.start(options)
    Object.assign(mock, { server, url: server.url, apiKey: server.apiKey })
  })
  after(() => mock.server?.close())
  beforeEach(() => mock.server.reset())
  return mock
}

/** The requests the mock received, optionally filtered by method and path prefix. */
export async function requests(mock, method, prefix = '') {
  const all = await mock.server.requests()
  return all.filter((r) => (!method || r.method === method) && r.path.startsWith(prefix))
}

/** Injects a fault. */
export function fault(mock, spec) {
  return mock.server.injectFault(spec)
}

/** A port that was just bound and closed: connecting to it is refused. */
export async function closedPort() {
  const net = await import('node:net')
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
