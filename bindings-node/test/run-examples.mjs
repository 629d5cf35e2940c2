// Runs examples/node as a user would, against an in-process MockServer:
// quickstart.mjs and whitelabel-flow.mjs (completing each model's onboarding
// in the mock, as the end user would in the browser), webhook-receiver.mjs
// (the mock delivers a signed event; a forgery gets 400), and the user-style
// `node --test` suite in examples/node/testing/. The examples import the
// package by name: examples/node/node_modules/headshotpro is linked to this
// package first. Exits non-zero on any failure.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { MockServer } from '../testing.mjs'
import { FAST, packageDir, repoDir } from './helpers.mjs'

const examples = path.join(repoDir, 'examples', 'node')

/** `import 'headshotpro'` in the examples resolves to this package. */
function linkPackage() {
  const link = path.join(examples, 'node_modules', 'headshotpro')
  if (existsSync(link)) return
  mkdirSync(path.dirname(link), { recursive: true })
  symlinkSync(path.relative(path.dirname(link), packageDir), link, 'dir')
}

/** Runs `node args…` in examples/node; calls `onLine(line, child)` for each stdout line. */
function run(name, args, env, onLine = () => {}) {
  const child = spawn(process.execPath, args, {
    cwd: examples,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  createInterface({ input: child.stdout }).on('line', (line) => {
    console.log(`  [${name}] ${line}`)
    Promise.resolve(onLine(line, child)).catch((e) => {
      console.error(e)
      child.kill()
    })
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
  return new Promise((resolve) => child.on('exit', (code, signal) => (clearTimeout(timer), resolve({ code, signal }))))
}

/** The end user finishes onboarding when an example prints `model <id> created`. */
function completeOnboarding(mock) {
  return async (line) => {
    const created = /^model (\S+) created/.exec(line)
    if (created) await mock.completeOnboarding(created[1])
  }
}

linkPackage()
const mock = await MockServer.start(FAST)
const failures = []
try {
  const env = { HEADSHOTPRO_API_KEY: mock.apiKey, HEADSHOTPRO_BASE_URL: mock.url }

  console.log('quickstart.mjs')
  let active = false
  const onboard = completeOnboarding(mock)
  const quick = await run('quickstart.mjs', ['quickstart.mjs'], env, async (line) => {
    await onboard(line)
    if (/^model \S+ is active$/.test(line)) active = true
  })
  if (quick.code !== 0 || !active) failures.push(`quickstart.mjs: exit ${quick.code ?? quick.signal}, active=${active}`)

  console.log('whitelabel-flow.mjs')
  await mock.reset()
  const directory = mkdtempSync(path.join(tmpdir(), 'hp-whitelabel-'))
  try {
    let summary
    const flow = await run('whitelabel-flow.mjs', ['whitelabel-flow.mjs', directory], env, async (line) => {
      await completeOnboarding(mock)(line)
      const saved = /^(\d+) photos, \d+ bytes in /.exec(line)
      if (saved) summary = Number(saved[1])
    })
    const files = readdirSync(directory).filter((f) => f.endsWith('.png'))
    if (flow.code !== 0 || summary !== 8 || files.length !== 8) {
      failures.push(`whitelabel-flow.mjs: exit ${flow.code ?? flow.signal}, reported ${summary}, ${files.length} files`)
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }

  console.log('webhook-receiver.mjs')
  await mock.reset()
  const secret = 'example-webhook-secret'
  let verified = false
  let forgeryStatus
  const receiver = await run(
    'webhook-receiver.mjs',
    ['webhook-receiver.mjs'],
    { HEADSHOTPRO_WEBHOOK_SECRET: secret, PORT: '0' },
    async (line, child) => {
      const listening = /^listening on (\S+)$/.exec(line)
      if (listening) {
        const forged = await fetch(listening[1], {
          method: 'POST',
          headers: {
            'x-headshotpro-signature': 'sha256=' + '0'.repeat(64),
            'x-headshotpro-timestamp': String(Math.floor(Date.now() / 1000)),
          },
          body: '{"event":"model.deleted"}',
        })
        forgeryStatus = forged.status
        await mock.setOrganization({ webhookUrl: listening[1], webhookSecret: secret })
        await mock.client().models.create({ email: 'hook@example.com', isDevelopment: true })
      }
      if (/^verified model\.created for model /.test(line)) {
        verified = true
        child.kill('SIGTERM')
      }
    },
  )
  if (!verified || forgeryStatus !== 400) {
    failures.push(`webhook-receiver.mjs: verified=${verified}, forgery answered ${forgeryStatus}, exit ${receiver.code ?? receiver.signal}`)
  }

  console.log('testing/ (node --test)')
  const suite = await run('testing', ['--test', 'testing/'], {})
  if (suite.code !== 0) failures.push(`testing/: node --test exited ${suite.code ?? suite.signal}`)
} finally {
  await mock.close()
}
for (const failure of failures) console.error(`FAILED ${failure}`)
console.log(failures.length > 0 ? 'examples: FAILED' : 'examples: 4 passed')
process.exitCode = failures.length > 0 ? 1 : 0
