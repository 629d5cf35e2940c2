// Issue 15's overhead numbers for Node (not CI): the SDK with logging off
// against undici in the same run (the ratio BENCHMARKS.md tracks), and the
// operability variants of bench.mjs (sdk-hooks, sdk-log, sdk-response),
// interleaved REPEATS times against one release mock; prints a Markdown
// table of medians.
//
// usage: node bench/node/operability.mjs MOCK_BIN [REPEATS] [CALLS]
// Build the release module first (`npm run build:release` in bindings-node).
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [mockBin, repeatsArg = '3', callsArg = '5000'] = process.argv.slice(2);
const repeats = Number(repeatsArg);
const calls = Number(callsArg);

const mock = spawn(mockBin, ['--port', '0', '--exit-on-stdin-close'], { stdio: ['pipe', 'pipe', 'inherit'] });
const first = await new Promise((resolve) => createInterface({ input: mock.stdout }).once('line', resolve));
const { url, api_key: key } = JSON.parse(first);

const plan = [];
for (const [workload, n, conc] of [['credits', calls, 1], ['credits', calls * 4, 64]]) {
  for (const client of ['sdk', 'undici', 'sdk-hooks', 'sdk-log', 'sdk-response']) plan.push({ workload, n, conc, client });
}
const results = new Map();
for (let r = 0; r < repeats; r++) {
  for (const p of plan) {
    const out = execFileSync('node', [path.join(here, 'bench.mjs'), p.client, p.workload, url, key, String(p.n), String(p.conc)], { encoding: 'utf8' });
    const row = JSON.parse(out.trim().split('\n').pop());
    const k = `${p.workload} c${p.conc} ${p.client}`;
    if (!results.has(k)) results.set(k, []);
    results.get(k).push(row);
    console.error(`[${r + 1}/${repeats}] ${k} ${Math.round(row.rps)} req/s p50 ${row.p50_ms.toFixed(3)} ms errors ${row.errors}`);
  }
}
mock.stdin.end();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('| benchmark | client | calls | req/s (median) | p50 ms | vs sdk | sdk / undici |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const conc of [1, 64]) {
  const key = (c) => `credits c${conc} ${c}`;
  const rps = (c) => median(results.get(key(c)).map((r) => r.rps));
  const base = rps('sdk');
  for (const c of ['sdk', 'undici', 'sdk-hooks', 'sdk-log', 'sdk-response']) {
    const rows = results.get(key(c));
    const name = conc === 1 ? 'node GET credits, sequential' : `node GET credits, concurrency ${conc}`;
    const vs = c === 'sdk' || c === 'undici' ? '' : `${((rps(c) / base - 1) * 100).toFixed(1)}%`;
    const ratio = c === 'sdk' ? `${(base / rps('undici')).toFixed(2)}×` : '';
    console.log(`| ${name} | ${c} | ${rows[0].calls} | ${Math.round(rps(c)).toLocaleString('en')} | ${median(rows.map((r) => r.p50_ms)).toFixed(3)} | ${vs} | ${ratio} |`);
  }
}
