// The host never holds more than a bounded heap, however a guest behaves (issue #7):
// "bombs" (test/heap-bound/*.c) make kernel objects until the kernel refuses, and
// each must end cleanly with the errno of the cap it hit, having cost the host --
// V8's heap plus array buffers, measured after a garbage collection while the bomb
// holds everything (when it prints its result) against the same measure when it
// starts -- less than HEAP_BOUND.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { KernelObserver } from '../src/kernel/kernel.js';
import { runGuestFiles, type GuestOptions } from './harness.js';

const MIB = 1024 * 1024;
/** More than any one cap lets a guest hold (128 MiB of pipe pages as uid 0, of
 *  file contents), with room for the objects around it. */
const HEAP_BOUND = 256 * MIB;
/** What a finished run may leave behind for good (the compiler's caches). */
const SETTLED_SLACK = 16 * MIB;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapNow(): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** The measure when the file started, before any kernel existed. */
const clean = heapNow();

/** Waits until the previous test's kernel is gone (vitest lets go of a finished
 *  test over a few turns of the event loop): the baseline must not count memory
 *  that is freed after it. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 100 && heapNow() > clean + SETTLED_SLACK; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(heapNow()).toBeLessThan(clean + SETTLED_SLACK);
}

/** Runs bomb NAME; `growth` is the most the host's memory grew from the bomb's
 *  first system call to any of its writes on stdout. */
async function runBomb(name: string, options: GuestOptions = {}) {
  await settle();
  let baseline = -1;
  let peak = 0;
  const observer: KernelObserver = {
    syscallEnter: () => {
      if (baseline < 0) baseline = heapNow();
    },
    syscall: (_p, nr, args) => {
      if (nr === 4 && args[0] === 1) peak = Math.max(peak, heapNow());
    },
  };
  const run = await runGuestFiles([join(import.meta.dirname, 'heap-bound', `${name}.c`)], { maxProcs: 64, ...options, observer });
  expect(run.compileErrors).toBe('');
  return { ...run, growth: peak - baseline };
}

describe('the host heap stays bounded', () => {
  it('under a pipe bomb: full pipes until ENFILE (NFILE), small ones past pipe-user-pages-soft', async () => {
    const run = await runBomb('pipe_bomb');
    expect(run.stdout).toBe('4092 full pipes in 9 children, then: Too many open files in system\n');
    expect(run.status).toBe(0);
    expect(run.growth).toBeGreaterThan(64 * MIB);
    expect(run.growth).toBeLessThan(HEAP_BOUND);
  });

  it('under a pipe bomb of uid 0: full 64 KiB pipes until ENFILE at pipe-user-pages-hard', async () => {
    const run = await runBomb('pipe_bomb', { uid: 0 });
    expect(run.stdout).toBe('2046 full pipes in 5 children, then: Too many open files in system\n');
    expect(run.status).toBe(0);
    expect(run.growth).toBeGreaterThan(96 * MIB);
    expect(run.growth).toBeLessThan(HEAP_BOUND);
  });

  it('under a semget bomb: ENOSPC at SEMMNS, then ENOMEM at SEMUME undo entries', async () => {
    const run = await runBomb('sem_bomb');
    expect(run.stdout).toBe('32000 sets, then: No space left on device\nSEM_UNDO on 500 sets, then: Cannot allocate memory\n');
    expect(run.growth).toBeLessThan(HEAP_BOUND);
  });

  it('under a message queue filler: ENOMEM at MSG_MEM_MAX, then ENOSPC at MSGMNI', async () => {
    const run = await runBomb('msg_filler');
    expect(run.stdout).toBe('7943 messages in 3972 queues, then: Cannot allocate memory\n32000 queues, then: No space left on device\n');
    expect(run.growth).toBeGreaterThan(48 * MIB);
    expect(run.growth).toBeLessThan(HEAP_BOUND);
  });

  it('under a /tmp filler: ENOSPC at FS_MAX_BYTES, then at FS_MAX_INODES', async () => {
    const run = await runBomb('tmp_filler');
    expect(run.stdout).toBe('128 MiB in 5 files, then: No space left on device\n8192 files, then: No space left on device\n');
    expect(run.growth).toBeGreaterThan(96 * MIB);
    expect(run.growth).toBeLessThan(HEAP_BOUND);
  });

  it('under a mapping bomb: ENOMEM at MAX_MAP_COUNT, then fork fails with ENOMEM at VM_AREAS_MAX', async () => {
    const run = await runBomb('map_bomb');
    expect(run.stdout).toBe('65525 areas, then: Cannot allocate memory\n3 forks, then: Cannot allocate memory\n');
    expect(run.growth).toBeLessThan(HEAP_BOUND);
  });
});
