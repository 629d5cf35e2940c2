// One Node benchmark in this process; prints one JSON line.
//
// usage: node bench.mjs CLIENT WORKLOAD URL KEY CALLS CONCURRENCY
// CLIENT: sdk | fetch | undici     WORKLOAD: credits (GET) | invite (POST)
// The SDK's operability variants (issue 15's overhead numbers): sdk-hooks (a
// no-op `request` and `response` listener), sdk-log (logLevel info into a
// logger that drops each line), sdk-response (every call `.withResponse()`).
// Every baseline does the SDK's work: builds the request, sends the key and
// parses the JSON answer into an object.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [client, workload, url, key, callsArg, concurrencyArg] = process.argv.slice(2);
const calls = Number(callsArg);
const concurrency = Number(concurrencyArg);
const headers = { authorization: `Bearer ${key}` };
const jsonHeaders = { ...headers, 'content-type': 'application/json' };
const CREDITS = `${url}/api/v1/organization/credits`;
const INVITE = `${url}/api/v1/organization/invite`;

async function makeCall() {
  if (client.startsWith('sdk')) {
    const require = createRequire(import.meta.url);
    const { Client } = require(process.env.HEADSHOTPRO_BENCH_PACKAGE || '../../bindings-node');
    const drop = () => {};
    const options = { apiKey: key, baseUrl: url };
    if (client === 'sdk-log') Object.assign(options, { logLevel: 'info', logger: { info: drop, warn: drop, error: drop } });
    const sdk = new Client(options);
    if (client === 'sdk-hooks') sdk.on('request', drop).on('response', drop);
    if (client === 'sdk-response') {
      return workload === 'invite'
        ? async (i) => (await sdk.invites.create({ email: `node-sdk-${i}@bench.example` }).withResponse()).data.id
        : async () => (await sdk.organization.credits().withResponse()).data;
    }
    return workload === 'invite'
      ? async (i) => (await sdk.invites.create({ email: `node-sdk-${i}@bench.example` })).id
      : async () => sdk.organization.credits();
  }
  if (client === 'fetch') {
    return workload === 'invite'
      ? async (i) => {
          const r = await fetch(INVITE, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ email: `node-fetch-${i}@bench.example` }) });
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          return (await r.json()).id;
        }
      : async () => {
          const r = await fetch(CREDITS, { headers });
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          return (await r.json()).credits;
        };
  }
  if (client === 'undici') {
    const { request } = await import('undici');
    return workload === 'invite'
      ? async (i) => {
          const r = await request(INVITE, { method: 'POST', headers: jsonHeaders, body: JSON.stringify({ email: `node-undici-${i}@bench.example` }) });
          if (r.statusCode >= 300) throw new Error(`HTTP ${r.statusCode}`);
          return (await r.body.json()).id;
        }
      : async () => {
          const r = await request(CREDITS, { headers });
          if (r.statusCode >= 300) throw new Error(`HTTP ${r.statusCode}`);
          return (await r.body.json()).credits;
        };
  }
  throw new Error(`unknown client ${client}`);
}

const call = await makeCall();
await call(-1);
const latencies = [];
let errors = 0;
let next = 0;
async function worker() {
  while (next < calls) {
    const i = next++;
    const t = performance.now();
    try {
      await call(i);
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t);
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (q) => latencies[Math.min(latencies.length - 1, Math.round((latencies.length - 1) * q))] ?? 0;
console.log(JSON.stringify({
  lang: 'node', client, workload, calls, concurrency, seconds, rps: calls / seconds,
  p50_ms: pct(0.5), p99_ms: pct(0.99), errors, peak_rss_mb: process.resourceUsage().maxRSS / 1024,
}));
