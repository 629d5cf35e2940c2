// Test harness: one headshotpro-mock per test file on an ephemeral port,
// reset before every test, stopped at teardown.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { before, after, beforeEach } from 'node:test'

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const repoDir = path.resolve(packageDir, '..')

/** The mock binary: `HEADSHOTPRO_MOCK_BIN`, else the workspace's debug build. */
export function mockBin() {
  return process.env.HEADSHOTPRO_MOCK_BIN || path.join(repoDir, 'target', 'debug', 'headshotpro-mock')
}

/** Starts a mock with extra CLI flags; resolves to `{ url, apiKey, stop }`. */
export function startMock(args = []) {
  const child = spawn(
    mockBin(),
    ['--port', '0', '--host', '127.0.0.1', '--exit-on-stdin-close', ...args],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`headshotpro-mock exited early (${code})`)))
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (line) => {
      const info = JSON.parse(line)
      lines.on('line', () => {})
      resolve({
        url: info.url,
        apiKey: info.api_key,
        stop() {
          child.removeAllListeners('exit')
          child.stdin.end()
          child.kill()
        },
      })
    })
  })
}

/** A mock shared by the tests of one file, reset before each test. */
export function useMock(args = ['--dev-step-ms', '50', '--webhook-delay-ms', '0', '--webhook-retry-ms', '50']) {
  const mock = {}
  before(async () => Object.assign(mock, await startMock(args)))
  after(() => mock.stop?.())
  beforeEach(() => control(mock, 'POST', '/__mock/reset'))
  return mock
}

/** Calls the mock's control API; throws on a non-2xx answer. */
export async function control(mock, method, pathname, body) {
  const res = await fetch(mock.url + pathname, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/** The API requests the mock received, optionally filtered by method and path prefix. */
export async function requests(mock, method, prefix = '') {
  const answer = await control(mock, 'GET', '/__mock/requests')
  const all = Array.isArray(answer) ? answer : answer.requests
  return all.filter((r) => (!method || r.method === method) && r.path.startsWith(prefix))
}

/** Injects a fault. */
export function fault(mock, spec) {
  return control(mock, 'POST', '/__mock/faults', spec)
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
