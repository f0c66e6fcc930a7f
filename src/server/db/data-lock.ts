// An exclusive lock on the data folder. PGlite takes none itself, and two processes on one
// folder corrupt it beyond repair, so the app refuses to open a folder another live process holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataFolderLockedError extends Error {
  constructor(readonly dataDir: string, readonly holderPid: number) {
    super(
      `De datamap ${dataDir} is al in gebruik door een ander Ketenlens-proces (pid ${holderPid}). ` +
        `Stop dat proces eerst, of kies een andere map met KETENLENS_DATA_DIR.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

type LockContent = { pid: number; hostname: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return null;
  }
}

export type DataLock = { file: string; release: () => void };

export function acquireDataLock(dataDir: string): DataLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'ketenlens.lock');
  const content: LockContent = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(content));
      fs.closeSync(fd);
      let isReleased = false;
      const release = () => {
        if (isReleased) return;
        isReleased = true;
        const current = readLock(file);
        if (current?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      // A lock from another machine (shared folder) cannot be checked: refuse.
      if (holder && (holder.hostname !== os.hostname() || isAlive(holder.pid)) && holder.pid !== process.pid) {
        throw new DataFolderLockedError(dataDir, holder.pid);
      }
      if (holder && holder.pid === process.pid) throw new DataFolderLockedError(dataDir, holder.pid);
      // The holder died without cleaning up (crash, kill -9): the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}
