// The soak of issue 13: CALLS calls (default 1,000,000) through one Node
// client against a running mock, CONCURRENCY at once, sampling the
// process's RSS and its open file descriptors every 10 s; prints one JSON
// line per sample, then a summary line. Not part of CI.
//
// usage: node soak.mjs URL KEY [CALLS] [CONCURRENCY] [VARIANT]
// VARIANT: plain (default) | operability (a logger at info that drops each
// line, a response listener, and every 100th call .withResponse())
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [url, key, callsArg = '1000000', concurrencyArg = '64', variant = 'plain'] = process.argv.slice(2);
const calls = Number(callsArg);
const concurrency = Number(concurrencyArg);
const require = createRequire(import.meta.url);
const { Client } = require('../../bindings-node');
const drop = () => {};
const options = { apiKey: key, baseUrl: url };
if (variant === 'operability') Object.assign(options, { logLevel: 'info', logger: { info: drop, warn: drop, error: drop } });
const client = new Client(options);
if (variant === 'operability') client.on('response', drop);

const fds = () => readdirSync('/proc/self/fd').length;
const mib = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const samples = [];
const started = performance.now();
let done = 0;
let errors = 0;
function sample() {
  const s = { t_s: Math.round((performance.now() - started) / 1000), calls: done, rss_mib: mib(process.memoryUsage().rss), heap_mib: mib(process.memoryUsage().heapUsed), fds: fds() };
  samples.push(s);
  console.log(JSON.stringify(s));
}
const timer = setInterval(sample, 10_000);
sample();

let next = 0;
async function worker() {
  while (next < calls) {
    const i = next++;
    try {
      if (variant === 'operability' && i % 100 === 0) await client.organization.credits().withResponse();
      else await client.organization.credits();
    } catch {
      errors++;
    }
    done++;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
clearInterval(timer);
sample();
const seconds = (performance.now() - started) / 1000;
// Warm-up (64 connections opened, allocator arenas of the runtime threads
// filled): the first sample after 20% of the calls.
const warm = samples.find((s) => s.calls >= calls / 5) ?? samples[0];
const last = samples[samples.length - 1];
console.log(JSON.stringify({
  summary: true, variant, calls, concurrency, errors, seconds: Math.round(seconds), rps: Math.round(calls / seconds),
  rss_start_mib: samples[0].rss_mib, rss_warm_mib: warm.rss_mib, rss_end_mib: last.rss_mib,
  rss_growth_after_warmup_pct: Math.round(((last.rss_mib - warm.rss_mib) / warm.rss_mib) * 1000) / 10,
  rss_max_mib: Math.max(...samples.map((s) => s.rss_mib)),
  fds_start: samples[0].fds, fds_warm: warm.fds, fds_end: last.fds,
}));
