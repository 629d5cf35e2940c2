// Runs examples/node against a fresh mock, as a user would:
// quickstart.mjs (completing the model's onboarding in the mock, as the
// end user would in the browser) and webhook-receiver.mjs (the mock delivers
// a signed event; a forgery gets 400). Exits non-zero on any failure.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import path from 'node:path'
import { Client } from '../index.mjs'
import { startMock, control, repoDir } from './helpers.mjs'

const examples = path.join(repoDir, 'examples', 'node')

/** Runs an example; calls `onLine(line, child)` for each stdout line. */
function run(file, env, onLine = () => {}) {
  const child = spawn(process.execPath, [path.join(examples, file)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  createInterface({ input: child.stdout }).on('line', (line) => {
    console.log(`  [${file}] ${line}`)
    Promise.resolve(onLine(line, child)).catch((e) => {
      console.error(e)
      child.kill()
    })
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
  return new Promise((resolve) => child.on('exit', (code, signal) => (clearTimeout(timer), resolve({ code, signal }))))
}

const mock = await startMock(['--dev-step-ms', '50', '--webhook-delay-ms', '0', '--webhook-retry-ms', '50'])
let failed = false
try {
  const env = { HEADSHOTPRO_API_KEY: mock.apiKey, HEADSHOTPRO_BASE_URL: mock.url }
  console.log('quickstart.mjs')
  let active = false
  const quick = await run('quickstart.mjs', env, async (line) => {
    const created = /^model (\S+) created/.exec(line)
    if (created) await control(mock, 'POST', `/__mock/models/${created[1]}/complete-onboarding`)
    if (/^model \S+ is active$/.test(line)) active = true
  })
  if (quick.code !== 0 || !active) {
    console.error(`quickstart.mjs failed: exit ${quick.code ?? quick.signal}, active=${active}`)
    failed = true
  }

  console.log('webhook-receiver.mjs')
  await control(mock, 'POST', '/__mock/reset')
  const secret = 'example-webhook-secret'
  let verified = false
  let forgeryStatus
  const receiver = await run('webhook-receiver.mjs', { HEADSHOTPRO_WEBHOOK_SECRET: secret, PORT: '0' }, async (line, child) => {
    const listening = /^listening on (\S+)$/.exec(line)
    if (listening) {
      const forged = await fetch(listening[1], {
        method: 'POST',
        headers: { 'x-headshotpro-signature': 'sha256=' + '0'.repeat(64), 'x-headshotpro-timestamp': String(Math.floor(Date.now() / 1000)) },
        body: '{"event":"model.deleted"}',
      })
      forgeryStatus = forged.status
      await control(mock, 'PUT', '/__mock/organization', { webhookUrl: listening[1], webhookSecret: secret })
      await new Client({ apiKey: mock.apiKey, baseUrl: mock.url }).models.create({ email: 'hook@example.com', isDevelopment: true })
    }
    if (/^verified model\.created for model /.test(line)) {
      verified = true
      child.kill('SIGTERM')
    }
  })
  if (!verified || forgeryStatus !== 400) {
    console.error(`webhook-receiver.mjs failed: verified=${verified}, forgery answered ${forgeryStatus}, exit ${receiver.code ?? receiver.signal}`)
    failed = true
  }
} finally {
  mock.stop()
}
console.log(failed ? 'examples: FAILED' : 'examples: 2 passed')
process.exitCode = failed ? 1 : 0
