// PhysMem: frame allocation order, zeroing, reference counts and free accounting.
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../src/isa/abi.js';
import { MAX_FRAMES, PhysMem } from '../src/vm/physmem.js';

describe('PhysMem', () => {
  it('rounds the size down to whole frames and reserves frame 0', () => {
    const mem = new PhysMem(8 * PAGE_SIZE + 100);
    expect(mem.frameCount).toBe(8);
    expect(mem.buffer.byteLength).toBe(8 * PAGE_SIZE);
    expect(mem.u8.length).toBe(8 * PAGE_SIZE);
    expect(mem.u16.length).toBe(4 * PAGE_SIZE);
    expect(mem.i32.length).toBe(2 * PAGE_SIZE);
    expect(mem.freeFrames()).toBe(7);
  });

  it('rejects pools too small or too large for int32 physical addresses', () => {
    expect(() => new PhysMem(PAGE_SIZE)).toThrow(RangeError);
    expect(() => new PhysMem((MAX_FRAMES + 1) * PAGE_SIZE)).toThrow(RangeError);
  });

  it('hands out frames 1.. in ascending order, never 0, then -1 when empty', () => {
    const mem = new PhysMem(5 * PAGE_SIZE);
    expect([mem.allocFrame(), mem.allocFrame(), mem.allocFrame(), mem.allocFrame()]).toEqual([1, 2, 3, 4]);
    expect(mem.allocFrame()).toBe(-1);
    expect(mem.freeFrames()).toBe(0);
    mem.checkInvariants();
  });

  it('reuses the most recently freed frame first, the same way every time', () => {
    const sequence = (): number[] => {
      const mem = new PhysMem(6 * PAGE_SIZE);
      const got = [mem.allocFrame(), mem.allocFrame(), mem.allocFrame()];
      mem.unref(2);
      mem.unref(1);
      got.push(mem.allocFrame(), mem.allocFrame(), mem.allocFrame());
      return got;
    };
    expect(sequence()).toEqual([1, 2, 3, 1, 2, 4]);
    expect(sequence()).toEqual(sequence());
  });

  it('zeroes a frame when it is allocated again', () => {
    const mem = new PhysMem(2 * PAGE_SIZE);
    const frame = mem.allocFrame();
    mem.u8.fill(0xab, frame * PAGE_SIZE, (frame + 1) * PAGE_SIZE);
    mem.unref(frame);
    expect(mem.allocFrame()).toBe(frame);
    expect(mem.u8.subarray(frame * PAGE_SIZE, (frame + 1) * PAGE_SIZE).every((b) => b === 0)).toBe(true);
  });

  it('zeroes the frames of a bulk release at once, in runs, and hands them out zero', () => {
    const mem = new PhysMem(16 * PAGE_SIZE);
    const frames = Array.from({ length: 12 }, () => mem.allocFrame());
    for (const frame of frames) mem.u8.fill(0xcd, frame * PAGE_SIZE, (frame + 1) * PAGE_SIZE);
    const zero = (frame: number) => mem.u8.subarray(frame * PAGE_SIZE, (frame + 1) * PAGE_SIZE).every((b) => b === 0);
    // Freed before the release: left as it is until it is allocated again.
    mem.unref(frames[11]);
    const since = mem.freeFrames();
    // Descending then ascending, and a gap: runs 1-6 and 8-10 (7 is still in use).
    for (const frame of [4, 3, 2, 1, 5, 6, 9, 8, 10]) mem.unref(frame);
    mem.zeroFreedSince(since);
    for (const frame of [1, 2, 3, 4, 5, 6, 8, 9, 10]) expect(zero(frame)).toBe(true);
    expect(zero(7)).toBe(false);
    expect(zero(12)).toBe(false);
    mem.checkInvariants();
    // Dirtied again while free (only a broken kernel would), a zeroed frame is not
    // filled twice; the frame freed before the release still is.
    mem.u8[10 * PAGE_SIZE] = 1;
    expect(mem.allocFrame()).toBe(10);
    expect(mem.u8[10 * PAGE_SIZE]).toBe(1);
    mem.u8[10 * PAGE_SIZE] = 0;
    const again = [8, 9, 6, 5, 1, 2, 3, 4].map(() => mem.allocFrame());
    expect(again).toEqual([8, 9, 6, 5, 1, 2, 3, 4]);
    expect(mem.allocFrame()).toBe(12);
    expect(zero(12)).toBe(true);
    mem.checkInvariants();
    expect(() => mem.zeroFreedSince(mem.freeFrames() + 1)).toThrow('zeroFreedSince');
  });

  it('frees a frame only when its last reference goes', () => {
    const mem = new PhysMem(4 * PAGE_SIZE);
    const frame = mem.allocFrame();
    mem.ref(frame);
    mem.ref(frame);
    expect(mem.refCount(frame)).toBe(3);
    mem.unref(frame);
    mem.unref(frame);
    expect(mem.refCount(frame)).toBe(1);
    expect(mem.freeFrames()).toBe(2);
    mem.unref(frame);
    expect(mem.refCount(frame)).toBe(0);
    expect(mem.freeFrames()).toBe(3);
    expect(mem.framesAllocated).toBe(1);
    expect(mem.framesFreed).toBe(1);
    mem.checkInvariants();
  });

  it('panics on references to free, reserved or out-of-range frames', () => {
    const mem = new PhysMem(4 * PAGE_SIZE);
    expect(() => mem.unref(2)).toThrow('unref: frame 2 not in use');
    expect(() => mem.ref(2)).toThrow('ref: frame 2 not in use');
    expect(() => mem.unref(0)).toThrow('unref: frame 0 out of range');
    expect(() => mem.ref(4)).toThrow('ref: frame 4 out of range');
    const frame = mem.allocFrame();
    mem.unref(frame);
    expect(() => mem.unref(frame)).toThrow(`unref: frame ${frame} not in use`);
    mem.checkInvariants();
  });

  it('keeps the counters consistent through a mixed workload', () => {
    const mem = new PhysMem(64 * PAGE_SIZE);
    const held: number[] = [];
    let seed = 12345;
    for (let step = 0; step < 2000; step++) {
      seed = (Math.imul(seed, 1103515245) + 12345) | 0;
      if ((seed >>> 16) % 3 !== 0 || held.length === 0) {
        const frame = mem.allocFrame();
        if (frame > 0) held.push(frame);
        else expect(mem.freeFrames()).toBe(0);
      } else {
        mem.unref(held.splice((seed >>> 8) % held.length, 1)[0]);
      }
      expect(mem.freeFrames() + held.length).toBe(63);
    }
    mem.checkInvariants();
    for (const frame of held) mem.unref(frame);
    expect(mem.freeFrames()).toBe(63);
    expect(mem.framesAllocated).toBe(mem.framesFreed);
    mem.checkInvariants();
  });
});
