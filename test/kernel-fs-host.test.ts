// The read-only view of the host directory: the guest reads, stats and ftoks
// host files in its working directory (host st_ino/st_dev), writes copy them into
// memory and never reach the host, new files and unlinks stay in memory, and no
// path (.., absolute, symbolic links) reaches host files outside the view.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E } from '../src/kernel/errno.js';
import { O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY } from '../src/kernel/file.js';
import type { Item } from './isa-assemble.js';
import { DataImage, dataAddr, emitA } from './kernel-fs-helpers.js';
import { data, local, program, runProgram, sys } from './kernel-helpers.js';

const shown = (items: Item[]): Item[] => [...items, ...emitA(-4)];
const statWord = (st: number, i: number): Item[] => [['IMM', dataAddr(st + 4 * i)], ['LI'], ...emitA(-4)];

let base = '';
let view = '';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'ipcvm-fs-'));
  view = join(base, 'view');
  mkdirSync(join(view, 'sub'), { recursive: true });
  writeFileSync(join(view, 'data.txt'), 'host data\n');
  writeFileSync(join(view, 'sub', 'inner.txt'), 'inner\n');
  writeFileSync(join(base, 'secret.txt'), 'secret\n');
  symlinkSync('data.txt', join(view, 'inlink'));
  symlinkSync(join(base, 'secret.txt'), join(view, 'outlink'));
  symlinkSync('..', join(view, 'uplink'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Opens path read-only and copies up to 32 bytes of it to stderr; the open's and
 *  the read's results go to stdout. */
function cat(d: DataImage, path: string, buf: number, label: string): Item[] {
  const at = d.str(path);
  return [
    ...shown(sys('open', data(at), O_RDONLY, 0)),
    ['LLI', -4],
    ['SLI', -8],
    ['PSH'],
    ['IMM', 0],
    ['LT'],
    ['JNZ', `${label}_done`],
    ...shown(sys('read', local(-8), data(buf), 32)),
    ...sys('write', 2, data(buf), local(-4)),
    ...sys('close', local(-8)),
    `${label}_done:`,
  ];
}

describe('the host view', () => {
  it('shows host files read-only, with their inode numbers, and nothing outside', async () => {
    const d = new DataImage();
    const buf = d.zeros(64);
    const st = d.zeros(52);
    const dataTxt = d.str('data.txt');
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...cat(d, 'data.txt', buf, 'a'),
            ...cat(d, 'sub/inner.txt', buf, 'b'),
            ...cat(d, `${view}/sub/../data.txt`, buf, 'c'),
            ...cat(d, 'inlink', buf, 'd'),
            ...cat(d, 'outlink', buf, 'e'),
            ...cat(d, '../secret.txt', buf, 'f'),
            ...cat(d, 'uplink/secret.txt', buf, 'g'),
            ...shown(sys('stat', data(dataTxt), data(st))),
            ...statWord(st, 0),
            ...statWord(st, 1),
            ...statWord(st, 4),
            ...statWord(st, 7),
            ...shown(sys('getcwd', data(buf), 64)),
            ...sys('write', 2, data(buf), local(-4)),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
      { hostDir: view },
    );
    const host = statSync(join(view, 'data.txt'), { bigint: true });
    expect(r.stdoutWords()).toEqual([
      3, 10, // data.txt
      3, 6, // sub/inner.txt
      3, 10, // the same through an absolute path
      3, 10, // a link inside the view
      -E.EACCES, // a link out of it
      -E.ENOENT, // .. is the in-memory parent: no host files there
      -E.EACCES, // a link to the host's parent
      0,
      Number(host.dev & 0xffffffffn) | 0,
      Number(host.ino & 0xffffffffn) | 0,
      1000,
      10,
      view.length + 1,
    ]);
    expect(r.stderr()).toBe(`host data\ninner\nhost data\nhost data\n${view}\0`);
  });

  it('keeps every change in memory: writes, new files and unlinks never reach the host', async () => {
    const d = new DataImage();
    const buf = d.zeros(64);
    const st = d.zeros(52);
    const dataTxt = d.str('data.txt');
    const newTxt = d.str('new.txt');
    const inner = d.str('sub/inner.txt');
    const guest = d.str('guest\n');
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('open', data(dataTxt), O_WRONLY | O_TRUNC, 0),
            ['SLI', -8],
            ...shown(sys('write', local(-8), data(guest), 6)),
            ...sys('close', local(-8)),
            ...cat(d, 'data.txt', buf, 'a'),
            ...sys('open', data(newTxt), O_CREAT | O_WRONLY, 0o644),
            ['SLI', -8],
            ...shown(sys('write', local(-8), data(guest), 6)),
            ...cat(d, 'new.txt', buf, 'b'),
            ...shown(sys('unlink', data(inner))),
            ...shown(sys('stat', data(inner), data(st))),
            ...shown(sys('mknod', data(inner), 0o010644, 0)),
            ...shown(sys('stat', data(inner), data(st))),
            ...statWord(st, 2),
            ...sys('unlink', data(inner)),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
      { hostDir: view },
    );
    expect(r.stdoutWords()).toEqual([6, 3, 6, 6, 4, 6, 0, -E.ENOENT, 0, 0, 0o010644]);
    expect(r.stderr()).toBe('guest\nguest\n');
    expect(readFileSync(join(view, 'data.txt'), 'utf8')).toBe('host data\n');
    expect(existsSync(join(view, 'new.txt'))).toBe(false);
    expect(readFileSync(join(view, 'sub', 'inner.txt'), 'utf8')).toBe('inner\n');
  });

  it('leaves a whiteout only for a host name: a file made and unlinked in memory leaves nothing', async () => {
    const d = new DataImage();
    const dataTxt = d.str('data.txt');
    const newTxt = d.str('new.txt');
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('open', data(newTxt), O_CREAT | O_WRONLY, 0o644),
            ...sys('close', 'A'),
            ...shown(sys('unlink', data(newTxt))),
            ...shown(sys('unlink', data(dataTxt))),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
      { hostDir: view },
    );
    expect(r.stdoutWords()).toEqual([0, 0]);
    expect([...r.kernel.fs.startDir.whiteouts]).toEqual(['data.txt']);
    expect(r.kernel.fs.inodesUsed).toBe(0);
  });

  it('hides the host with hostFs false: the start directory is an empty /home/user', async () => {
    const d = new DataImage();
    const buf = d.zeros(64);
    const r = await runProgram(
      program({ _start: [['ENT', 16], ...cat(d, 'data.txt', buf, 'a'), ...shown(sys('getcwd', data(buf), 64)), ...sys('write', 2, data(buf), local(-4)), ...sys('exit', 0)] }, d.image()),
      { hostDir: view, hostFs: false },
    );
    expect(r.stdoutWords()).toEqual([-E.ENOENT, 11]);
    expect(r.stderr()).toBe('/home/user\0');
  });
});
