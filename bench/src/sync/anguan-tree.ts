/**
 * `--anguan-ref <ref>`: runs our server as committed at `ref` instead of the working tree, so a benchmark run can
 * be tied to a commit while others keep editing. The ref's `server/` and `packages/` are exported to a temp folder
 * whose `node_modules` link to the dependencies already installed here (workspace packages to the exported copies).
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A exported tree; `root` holds `server/` and `packages/`. */
export interface AnguanTree {
  readonly root: string;
  readonly commit: string;
  cleanup(): void;
}

/** Mirrors `from` (a node_modules folder) into `to` with symlinks, pointing workspace packages into `root`. */
function linkModules(from: string, to: string, repoRoot: string, root: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry === '.bin' || entry === '.pnpm') continue;
    const source = path.join(from, entry);
    if (entry.startsWith('@') && !lstatSync(source).isSymbolicLink()) {
      linkModules(source, path.join(to, entry), repoRoot, root);
      continue;
    }
    const real = realpathSync(source);
    const inRepo = path.relative(repoRoot, real);
    const workspace = !inRepo.startsWith('..') && !inRepo.split(path.sep).includes('node_modules');
    symlinkSync(workspace ? path.join(root, inRepo) : real, path.join(to, entry));
  }
}

/** Exports `ref` from the repository at `repoRoot` and links its dependencies. */
export function exportAnguan(repoRoot: string, ref: string): AnguanTree {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).trim();
  const root = mkdtempSync(path.join(tmpdir(), `anguan-${commit}-`));
  const paths = ['server', 'packages', 'package.json', 'tsconfig.base.json'];
  execFileSync('sh', ['-c', 'git archive --format=tar "$0" -- "$@" | tar -x -C "$ROOT"', commit, ...paths], {
    cwd: repoRoot,
    env: { ...process.env, ROOT: root },
  });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  const packageDirs = [
    'server',
    ...readdirSync(path.join(root, 'packages')).map((p) => path.join('packages', p)),
  ];
  for (const dir of packageDirs) {
    const installed = path.join(repoRoot, dir, 'node_modules');
    if (existsSync(installed)) linkModules(installed, path.join(root, dir, 'node_modules'), repoRoot, root);
  }
  return { root, commit, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
