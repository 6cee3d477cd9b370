import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** On SIGUSR2: a full GC, then one stdout line with `process.memoryUsage()` (as the sync benchmark does). */
const MEMORY_PREFIX = 'fuzz-memory ';
const MEMORY_HOOK = `process.on('SIGUSR2', () => {
  globalThis.gc?.();
  process.stdout.write('${MEMORY_PREFIX}' + JSON.stringify(process.memoryUsage()) + '\\n');
});`;

/** The production entry (`server/src/main.ts`) as a child process: a crash is an exit, not a failed test runner. */
export interface ChildServer {
  readonly process: ChildProcess;
  readonly url: string;
  /** Everything the server printed (its sync log lines included). */
  output(): string;
  /** `process.memoryUsage()` right after a full GC. */
  memory(): Promise<NodeJS.MemoryUsage>;
  readonly exited: boolean;
  stop(): Promise<void>;
}

export function spawnChildServer(dataDir: string): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        `--import=data:text/javascript,${encodeURIComponent(MEMORY_HOOK)}`,
        '--import',
        'tsx',
        'server/src/main.ts',
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_ROOT: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let exited = false;
    const memoryWaiters: Array<(usage: NodeJS.MemoryUsage) => void> = [];
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split('\n')) {
        if (line.startsWith(MEMORY_PREFIX)) {
          memoryWaiters.shift()?.(JSON.parse(line.slice(MEMORY_PREFIX.length)));
        }
      }
      output += text;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match && !started) {
        started = true;
        resolve(handle(match[1]!));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let started = false;
    child.once('exit', (code, signal) => {
      exited = true;
      if (!started) reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
    });
    const handle = (url: string): ChildServer => ({
      process: child,
      url,
      output: () => output,
      get exited() {
        return exited;
      },
      memory: () =>
        new Promise((done, fail) => {
          const timer = setTimeout(() => fail(new Error('no memory report within 10 s')), 10_000);
          memoryWaiters.push((usage) => {
            clearTimeout(timer);
            done(usage);
          });
          child.kill('SIGUSR2');
        }),
      stop: () =>
        new Promise<void>((done) => {
          if (exited) return done();
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    });
  });
}
