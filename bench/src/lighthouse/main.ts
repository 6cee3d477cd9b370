/**
 * `pnpm bench:lighthouse`: Lighthouse's mobile performance score (simulated throttling, as the outside audit of
 * issue 12 measured it) for 项目信息 signed in as a director, beside two floors from the same run: the app's
 * 登录 page (the shell alone) and a static page with one line of text (what this machine can score at all).
 * Runs alternate ours/floors so they share the machine's load. Needs `pnpm build` first and the npm registry
 * (Lighthouse runs through `npx`, so it is no dependency of the workspace). Writes
 * `bench/results/<stamp>-lighthouse.{json,md}` and `latest-lighthouse.md`.
 *
 * Options: `--runs <n>` (default 5), `--port <n>` (default 4275).
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startBenchServer } from '../sheets/server';
import { writeLighthouseReport, type PageResult } from './report';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = arg('--runs', 5);
const port = arg('--port', 4275);
const work = mkdtempSync(path.join(tmpdir(), 'anguan-lighthouse-'));

interface Target {
  label: string;
  url: string;
  headers?: Record<string, string>;
}

async function main(): Promise<void> {
  const server = await startBenchServer(port);
  const floor = await staticPage();
  try {
    const cookie = await signIn(server.baseUrl, '91320100MA1MXX0A01');
    const targets: Target[] = [
      { label: '项目信息 (/projects, director)', url: `${server.baseUrl}/projects`, headers: { Cookie: cookie } },
      { label: '登录 page (app shell floor)', url: `${server.baseUrl}/login` },
      { label: 'static one-line page (machine floor)', url: floor.url },
    ];
    const samples = new Map<string, PageResult[]>(targets.map((t) => [t.label, []]));
    const loadBefore = loadavg();
    for (let run = 0; run < runs; run++) {
      for (const target of targets) {
        const result = await lighthouse(target, `${run}-${targets.indexOf(target)}`);
        console.log(`[bench:lighthouse] run ${run + 1}/${runs} ${target.label}: ${result.score}`);
        samples.get(target.label)!.push(result);
      }
    }
    await writeLighthouseReport({ samples, runs, loadBefore, loadAfter: loadavg(), lighthouse: LIGHTHOUSE });
  } finally {
    floor.server.close();
    await server.stop();
  }
}

async function lighthouse(target: Target, id: string): Promise<PageResult> {
  const output = path.join(work, `${id}.json`);
  const args = [
    '-y',
    LIGHTHOUSE,
    target.url,
    '--only-categories=performance',
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
  ];
  if (target.headers) {
    const file = path.join(work, `${id}-headers.json`);
    writeFileSync(file, JSON.stringify(target.headers));
    args.push(`--extra-headers=${file}`);
  }
  await promisify(execFile)('npx', args, {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(readFileSync(output, 'utf8')) as LighthouseJson;
  const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((report.categories.performance.score ?? 0) * 100),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    bytes: audit('total-byte-weight'),
    benchmarkIndex: report.environment.benchmarkIndex,
  };
}

interface LighthouseJson {
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number }>;
  environment: { benchmarkIndex: number };
}

async function signIn(baseUrl: string, login: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ login, password: 'Anguan2026' }),
  });
  if (!response.ok) throw new Error(`login: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('anguan_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0]!;
}

/** A page with nothing to load: the best score this machine reaches under the same throttling. */
async function staticPage(): Promise<{ server: Server; url: string }> {
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" ' +
    'content="width=device-width, initial-scale=1"><title>安管</title></head><body><h1>项目信息</h1></body></html>';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

await main();
