// The in-memory file system through hand-assembled guest programs: regular files
// (offsets, lseek, O_APPEND, O_TRUNC, holes, unlink while open), open's errors in
// Linux's order, mknod, stat/fstat, permissions against the caller's uid (and the
// sticky /tmp), chdir/getcwd, /dev/null and /dev/tty, and the size limits.
import { describe, expect, it } from 'vitest';
import type { HostIo } from '../src/kernel/console.js';
import { TtyFile } from '../src/kernel/dev.js';
import { E } from '../src/kernel/errno.js';
import { O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, OpenFile } from '../src/kernel/file.js';
import { DeviceInode, S_IFCHR, S_IFDIR, S_IFIFO, S_IFREG } from '../src/kernel/inode.js';
import { FILE_MAX_BYTES } from '../src/kernel/param.js';
import type { Item } from './isa-assemble.js';
import { DataImage, dataAddr, emitA } from './kernel-fs-helpers.js';
import { addr, boot, data, local, program, runProgram, sys } from './kernel-helpers.js';

const SEEK_SET = 0;
const SEEK_CUR = 1;
const SEEK_END = 2;

/** sys(...) then its result as a word on stdout. */
const shown = (items: Item[]): Item[] => [...items, ...emitA(-4)];
/** The stat word at index i (0 st_dev, 1 st_ino, 2 st_mode, 3 st_nlink, 4 st_uid,
 *  6 st_rdev, 7 st_size) of the struct at data offset st, on stdout. */
const statWord = (st: number, i: number): Item[] => [['IMM', dataAddr(st + 4 * i)], ['LI'], ...emitA(-4)];

describe('regular files', () => {
  it('reads back what was written, at offsets that lseek moves; a write past the end leaves zeros', async () => {
    const d = new DataImage();
    const path = d.str('/tmp/file');
    const text = d.str('abcdef');
    const buf = d.zeros(16);
    const st = d.zeros(52);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('open', data(path), O_CREAT | O_RDWR, 0o666),
            ['SLI', -8],
            ...shown(sys('write', local(-8), data(text), 6)),
            ...shown(sys('lseek', local(-8), 0, SEEK_SET)),
            ...shown(sys('read', local(-8), data(buf), 3)),
            ...shown(sys('lseek', local(-8), 1, SEEK_CUR)),
            ...shown(sys('read', local(-8), data(buf + 3), 16)),
            ...shown(sys('read', local(-8), data(buf), 16)),
            ...shown(sys('lseek', local(-8), -1, SEEK_END)),
            ...shown(sys('lseek', local(-8), -10, SEEK_SET)),
            ...shown(sys('lseek', local(-8), 0, 7)),
            ...shown(sys('lseek', local(-8), 8, SEEK_SET)),
            ...shown(sys('write', local(-8), data(text), 2)),
            ...sys('fstat', local(-8), data(st)),
            ...statWord(st, 2),
            ...statWord(st, 7),
            ...statWord(st, 3),
            ...sys('close', local(-8)),
            ...sys('open', data(path), O_RDONLY, 0),
            ['SLI', -8],
            ...shown(sys('read', local(-8), data(buf), 16)),
            ...sys('write', 2, data(buf), 10),
            ...sys('close', local(-8)),
            ...shown(sys('stat', data(path), data(st))),
            ...statWord(st, 7),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([6, 0, 3, 4, 2, 0, 5, -E.EINVAL, -E.EINVAL, 8, 2, S_IFREG | 0o644, 10, 1, 10, 0, 10]);
    expect(r.stderr()).toBe('abcdef\0\0ab');
  });

  it('O_APPEND writes at the end for every description; O_TRUNC empties; O_EXCL refuses', async () => {
    const d = new DataImage();
    const path = d.str('/tmp/log');
    const buf = d.zeros(32);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('open', data(path), O_CREAT | O_WRONLY | O_APPEND, 0o600),
            ['SLI', -8],
            ...sys('open', data(path), O_WRONLY | O_APPEND, 0),
            ['SLI', -12],
            ...sys('write', local(-8), data(path), 1), // "/"
            ...sys('write', local(-12), data(path + 1), 3), // "tmp"
            ...sys('write', local(-8), data(path + 4), 4), // "/log"
            ...shown(sys('lseek', local(-12), 0, SEEK_CUR)),
            ...sys('open', data(path), O_RDONLY, 0),
            ['SLI', -16],
            ...shown(sys('read', local(-16), data(buf), 32)),
            ...sys('write', 2, data(buf), 8),
            ...shown(sys('open', data(path), O_CREAT | O_EXCL | O_RDWR, 0o600)),
            ...shown(sys('open', data(path), O_WRONLY | O_TRUNC, 0)),
            ...shown(sys('lseek', local(-16), 0, SEEK_END)),
            ...shown(sys('creat', data(path), 0o600)),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([4, 8, -E.EEXIST, 6, 0, 7]);
    expect(r.stderr()).toBe('/tmp/log');
  });

  it('keeps an unlinked file alive until its last close, then frees it', async () => {
    const d = new DataImage();
    const path = d.str('/tmp/gone');
    const buf = d.zeros(16);
    const st = d.zeros(52);
    let usedWhileOpen = -1;
    const booted = boot({
      observer: {
        syscall(_p, nr) {
          if (nr === 20 /* getpid */) usedWhileOpen = booted.kernel.fs.bytesUsed;
        },
      },
    });
    const baseline = booted.kernel.fs.bytesUsed;
    booted.kernel.spawn(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('open', data(path), O_CREAT | O_RDWR, 0o600),
            ['SLI', -8],
            ...sys('write', local(-8), data(path), 9),
            ...shown(sys('unlink', data(path))),
            ...shown(sys('stat', data(path), data(st))),
            ...shown(sys('unlink', data(path))),
            ...sys('fstat', local(-8), data(st)),
            ...statWord(st, 3),
            ...statWord(st, 7),
            ...sys('lseek', local(-8), 0, SEEK_SET),
            ...shown(sys('read', local(-8), data(buf), 16)),
            ...sys('getpid'), // the test looks at the file system here
            ...sys('close', local(-8)),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
      ['prog'],
    );
    const kernel = booted.kernel;
    await kernel.run();
    kernel.checkInvariants();
    expect(booted.stdoutWords()).toEqual([0, -E.ENOENT, -E.ENOENT, 0, 9, 9]);
    expect(usedWhileOpen).toBeGreaterThan(baseline);
    expect(kernel.fs.bytesUsed).toBe(baseline);
  });

  it('caps a file at FILE_MAX_BYTES (EFBIG) with a partial write at the edge', async () => {
    const d = new DataImage();
    const path = d.str('/tmp/huge');
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('open', data(path), O_CREAT | O_RDWR, 0o600),
            ['SLI', -8],
            ...sys('lseek', local(-8), FILE_MAX_BYTES - 1, SEEK_SET),
            ...shown(sys('write', local(-8), data(path), 4)),
            ...shown(sys('write', local(-8), data(path), 4)),
            ...sys('unlink', data(path)),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([1, -E.EFBIG]);
  });
});

describe('names', () => {
  it('answers open, mknod and unlink errors as Linux does', async () => {
    const d = new DataImage();
    const file = d.str('/tmp/f');
    const under = d.str('/tmp/f/x');
    const slash = d.str('/tmp/f/');
    const missing = d.str('/tmp/nope/x');
    const newSlash = d.str('/tmp/new/');
    const tmp = d.str('/tmp');
    const empty = d.str('');
    const long = d.str('/tmp/' + 'n'.repeat(256));
    const st = d.zeros(52);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...shown(sys('mknod', data(file), S_IFREG | 0o644, 0)),
            ...shown(sys('open', data(under), O_RDONLY, 0)),
            ...shown(sys('open', data(slash), O_RDONLY, 0)),
            ...shown(sys('open', data(missing), O_CREAT | O_RDWR, 0o600)),
            ...shown(sys('open', data(newSlash), O_CREAT | O_RDWR, 0o600)),
            ...shown(sys('open', data(tmp), O_WRONLY, 0)),
            ...shown(sys('open', data(tmp), O_CREAT | O_RDONLY, 0o600)),
            ...shown(sys('open', data(file), O_RDONLY | O_DIRECTORY, 0)),
            ...shown(sys('open', data(tmp), O_RDONLY | O_DIRECTORY, 0)),
            ...shown(sys('read', local(-4), data(st), 4)),
            ...shown(sys('open', data(empty), O_RDONLY, 0)),
            ...shown(sys('open', data(long), O_CREAT | O_RDWR, 0o600)),
            ...shown(sys('open', 16, O_RDONLY, 0)),
            ...shown(sys('mknod', data(file), S_IFIFO | 0o600, 0)),
            ...shown(sys('mknod', data(newSlash), S_IFIFO | 0o600, 0)),
            ...shown(sys('mknod', data(under), S_IFCHR | 0o600, 0x103)),
            ...shown(sys('mknod', data(under), S_IFDIR | 0o700, 0)),
            ...shown(sys('mknod', data(under), 0o170000, 0)),
            ...shown(sys('unlink', data(tmp))),
            ...shown(sys('unlink', data(missing))),
            ...shown(sys('stat', data(tmp), data(st))),
            ...statWord(st, 2),
            ...shown(sys('unlink', data(file))),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([
      0,
      -E.ENOTDIR,
      -E.ENOTDIR,
      -E.ENOENT,
      -E.EISDIR,
      -E.EISDIR,
      -E.EISDIR,
      -E.ENOTDIR,
      3,
      -E.EISDIR,
      -E.ENOENT,
      -E.ENAMETOOLONG,
      -E.EFAULT,
      -E.EEXIST,
      -E.ENOENT,
      -E.EPERM,
      -E.EPERM,
      -E.EINVAL,
      -E.EISDIR,
      -E.ENOENT,
      0,
      S_IFDIR | 0o1777,
      0,
    ]);
  });

  it('changes directory; getcwd returns the path with its NUL, ERANGE when too small', async () => {
    const d = new DataImage();
    const tmp = d.str('/tmp');
    const up = d.str('../..');
    const rel = d.str('rel');
    const abs = d.str('/tmp/rel');
    const buf = d.zeros(64);
    const st = d.zeros(52);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...shown(sys('chdir', data(tmp))),
            ...shown(sys('getcwd', data(buf), 64)),
            ...sys('write', 2, data(buf), 5),
            ...shown(sys('getcwd', data(buf), 4)),
            ...sys('open', data(rel), O_CREAT | O_WRONLY, 0o600),
            ...shown(sys('stat', data(abs), data(st))),
            ...shown(sys('chdir', data(abs))),
            ...shown(sys('chdir', data(up))),
            ...shown(sys('getcwd', data(buf), 64)),
            ...sys('write', 2, data(buf), 2),
            ...shown(sys('unlink', data(abs))),
            ...shown(sys('chdir', data(abs))),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stdoutWords()).toEqual([0, 5, -E.ERANGE, 0, -E.ENOTDIR, 0, 2, 0, -E.ENOENT]);
    expect(r.stderr()).toBe('/tmp\0/\0');
  });

  it('starts a child in its parent\'s working directory', async () => {
    const d = new DataImage();
    const tmp = d.str('/tmp');
    const buf = d.zeros(64);
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('chdir', data(tmp)),
            ...sys('fork'),
            ['JNZ', 'parent'],
            ...sys('getcwd', data(buf), 64),
            ...sys('write', 2, data(buf), 4),
            ...sys('exit', 0),
            'parent:',
            ...sys('wait4', -1, 0, 0, 0),
            ...sys('exit', 0),
          ],
        },
        d.image(),
      ),
    );
    expect(r.stderr()).toBe('/tmp');
  });
});

describe('permissions', () => {
  function permissionProgram() {
    const d = new DataImage();
    const ro = d.str('/tmp/readonly');
    const rootFile = d.str('/mine');
    const nul = d.str('/dev/null');
    const st = d.zeros(52);
    return program(
      {
        _start: [
          ['ENT', 16],
          ...shown(sys('open', data(ro), O_CREAT | O_WRONLY, 0o400)), // just created: allowed
          ...shown(sys('open', data(ro), O_WRONLY, 0)),
          ...shown(sys('open', data(ro), O_RDONLY | O_TRUNC, 0)),
          ...shown(sys('open', data(ro), O_RDONLY, 0)),
          ...shown(sys('open', data(rootFile), O_CREAT | O_WRONLY, 0o600)),
          ...sys('open', data(nul), O_RDWR, 0),
          ['SLI', -8],
          ...shown(sys('write', local(-8), data(ro), 1000)),
          ...shown(sys('read', local(-8), data(st), 10)),
          ...shown(sys('lseek', local(-8), 5, SEEK_SET)),
          ...sys('fstat', local(-8), data(st)),
          ...statWord(st, 2),
          ...statWord(st, 6),
          ...sys('unlink', data(ro)),
          ...sys('unlink', data(rootFile)),
          ...sys('exit', 0),
        ],
      },
      d.image(),
    );
  }

  it('checks the owner bits for a user and lets root through', async () => {
    const user = await runProgram(permissionProgram());
    expect(user.stdoutWords()).toEqual([3, -E.EACCES, -E.EACCES, 4, -E.EACCES, 1000, 0, 0, S_IFCHR | 0o666, 0x103]);
    const root = await runProgram(permissionProgram(), { uid: 0 });
    expect(root.stdoutWords()).toEqual([3, 4, 5, 6, 7, 1000, 0, 0, S_IFCHR | 0o666, 0x103]);
  });

  it('lets only the owner unlink a file in the sticky /tmp', async () => {
    const d = new DataImage();
    const path = d.str('/tmp/owned');
    const second = d.bytes(new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0]));
    const booted = boot();
    const k = booted.kernel;
    k.spawn(program({ _start: [['ENT', 16], ...sys('creat', data(path), 0o666), ...sys('nanosleep', data(second), 0), ...sys('nanosleep', data(second), 0), ...shown(sys('unlink', data(path))), ...sys('exit', 0)] }, d.image()), ['owner']);
    const other = k.spawn(program({ _start: [['ENT', 16], ...sys('nanosleep', data(second), 0), ...shown(sys('unlink', data(path))), ...sys('exit', 0)] }, d.image()), ['other']);
    other.cred.uid = other.cred.euid = 1001;
    await k.run();
    k.checkInvariants();
    expect(booted.stdoutWords()).toEqual([-E.EPERM, 0]);
  });
});

describe('/dev/tty', () => {
  it('reads the host terminal\'s input and writes to its output, answering TCGETS', () => {
    const { kernel } = boot();
    const p = kernel.spawn(program({ _start: sys('exit', 0) }), ['prog']);
    const written: string[] = [];
    const host: HostIo = {
      read: () => new TextEncoder().encode('typed\n'),
      write: (_stream, bytes) => {
        written.push(Buffer.from(bytes).toString());
        return true;
      },
      isatty: () => true,
    };
    const node = new DeviceInode(99, 0x1b, S_IFCHR | 0o666, 0, 0, 0, 'tty');
    const f = new OpenFile(new TtyFile(host, node), O_RDWR);
    const buf = p.cpu.sp - 64;
    expect(f.file.read(kernel, p, f, buf, 64)).toBe(6);
    expect(f.file.write(kernel, p, f, buf, 5)).toBe(5);
    expect(written).toEqual(['typed']);
    expect(f.file.ioctl(kernel, p, f, 0x5401, buf)).toBe(0);
    expect(f.file.seek).toBeUndefined();
  });

  it('is absent when the host has no terminal', async () => {
    const d = new DataImage();
    const tty = d.str('/dev/tty');
    const r = await runProgram(program({ _start: [['ENT', 16], ...shown(sys('open', data(tty), O_RDWR, 0)), ...sys('exit', 0)] }, d.image()));
    expect(r.stdoutWords()).toEqual([-E.ENOENT]);
  });
});
