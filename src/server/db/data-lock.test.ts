import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataFolderLockedError } from './data-lock';

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the data-folder lock', () => {
  it('refuses a second holder while the first holds it, and frees it on release', () => {
    const dir = tempDir();
    const lock = acquireDataLock(dir);
    expect(() => acquireDataLock(dir)).toThrow(DataFolderLockedError);
    lock.release();
    const again = acquireDataLock(dir);
    again.release();
  });

  it('refuses when another live process holds the folder', () => {
    const dir = tempDir();
    // The parent of this test process is alive for the whole test.
    fs.writeFileSync(path.join(dir, 'ketenlens.lock'), JSON.stringify({ pid: process.ppid, hostname: os.hostname(), startedAt: '' }));
    expect(() => acquireDataLock(dir)).toThrow(/al in gebruik.*pid/);
  });

  it('takes over a lock left behind by a process that died', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout.trim());
    fs.writeFileSync(path.join(dir, 'ketenlens.lock'), JSON.stringify({ pid: deadPid, hostname: os.hostname(), startedAt: '' }));
    const lock = acquireDataLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });
});
