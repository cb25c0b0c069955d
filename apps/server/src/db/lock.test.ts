import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLocked, lockDataDir } from './lock';

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

describe('data folder lock', () => {
  let folder: string;
  let lockFile: string;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-lock-')), 'data');
    lockFile = path.join(folder, 'canbo.lock');
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill();
      await exited(child);
    }
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  /** A process that stays alive until the test ends. */
  function liveProcess(): number {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(child);
    return child.pid!;
  }

  it('creates the folder and writes the owner pid into the lock file', () => {
    const release = lockDataDir(folder);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('refuses a folder owned by another running process, naming the folder and the pid', () => {
    fs.mkdirSync(folder, { recursive: true });
    const owner = liveProcess();
    fs.writeFileSync(lockFile, String(owner));
    let error: unknown;
    try {
      lockDataDir(folder);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLocked);
    expect(error).toMatchObject({ dataDir: folder, pid: owner });
    expect((error as Error).message).toContain(folder);
    expect((error as Error).message).toContain(`process ${owner}`);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(owner)); // the owner keeps its lock
  });

  it('takes over a lock left by a process that has exited', async () => {
    const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await exited(dead);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(lockFile, String(dead.pid));
    const release = lockDataDir(folder);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a lock file that names no valid pid', () => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(lockFile, 'not a pid');
    const release = lockDataDir(folder);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a lock naming its own pid: a restarted container often gets the same pid', () => {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(lockFile, String(process.pid));
    const release = lockDataDir(folder);
    expect(fs.existsSync(lockFile)).toBe(true);
    release();
  });

  it('release removes the file, once, and the folder can be locked again', () => {
    const release = lockDataDir(folder);
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
    const again = lockDataDir(folder);
    release(); // a second call of the first release must not remove the new owner's lock
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    again();
    expect(fs.existsSync(lockFile)).toBe(false);
  });
});
