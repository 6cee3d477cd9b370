import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `DATA_DIR/anguan.pid`: the running server's process id, so `admin restore` can refuse to pull the data away. */
export const PID_FILE = 'anguan.pid';

export function writePidFile(dataDir: string): () => void {
  const file = path.join(dataDir, PID_FILE);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    if (runningPid(dataDir) === process.pid) rmSync(file, { force: true });
  };
}

/** The pid of a live process that claims DATA_DIR, or null (no file, or a stale one left by a crash). */
export function runningPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dataDir, PID_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
