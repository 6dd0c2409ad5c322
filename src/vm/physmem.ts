// The machine's physical memory: one ArrayBuffer cut into 4 KiB frames, shared by
// every process, with a reference count per frame (copy-on-write and shared memory
// map one frame into several page tables) and a free stack so allocation is O(1).
//
// Why these choices:
// - One buffer with u8/u16/i32 views lets the interpreter reach a guest word with a
//   single typed-array index once the TLB has given the frame's byte address.
// - Frames are handed out in a fixed order (ascending on a fresh pool, then the most
//   recently freed first), so a run is reproducible frame for frame -- and a frame
//   above the highest one handed out so far is known to be zero.
// - A bulk release (a shared segment's frames) zeroes what it frees at once, one fill
//   per run of consecutive frames, and marks those frames so their allocation skips
//   the fill: a fill of megabytes streams to memory, and even 4 KiB fills back to
//   back beat one at each fault, where every line is read in first (shm_fault: ~190
//   ns per recycled frame at the fault, ~80 in one 64 MiB run).
// - Frame 0 is never handed out: a zero frame number can then mean "none".
// - At most 2^19 frames (2 GiB): physical byte addresses stay positive int32, which is
//   what the TLB's Int32Arrays and the interpreter's `p >> 2` expect.
import { PAGE_SHIFT, PAGE_SIZE } from '../isa/abi.js';

export const MAX_FRAMES = 1 << 19;

export class PhysMem {
  /** Total frames, reserved frame 0 included. */
  readonly frameCount: number;
  readonly buffer: ArrayBuffer;
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  /** Counters for --stats. */
  framesAllocated = 0;
  framesFreed = 0;
  private readonly refs: Int32Array;
  /** Free frame numbers; the next one handed out is freeStack[freeTop - 1]. */
  private readonly freeStack: Int32Array;
  private freeTop: number;
  /** Frames above this were never handed out: still as the host gave them (zero). */
  private highWater = 0;
  /** 1 for a free frame zeroed since it was freed (zeroFreedSince). */
  private readonly zeroed: Uint8Array;

  constructor(bytes: number) {
    const frames = Math.floor(bytes / PAGE_SIZE);
    if (!(frames >= 2 && frames <= MAX_FRAMES)) {
      throw new RangeError(`PhysMem: ${bytes} bytes is not between 2 and ${MAX_FRAMES} frames of ${PAGE_SIZE} bytes`);
    }
    assertLittleEndianHost();
    this.frameCount = frames;
    this.buffer = new ArrayBuffer(frames * PAGE_SIZE);
    this.u8 = new Uint8Array(this.buffer);
    this.u16 = new Uint16Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.refs = new Int32Array(frames);
    this.zeroed = new Uint8Array(frames);
    this.freeStack = new Int32Array(frames);
    for (let i = 0; i < frames - 1; i++) this.freeStack[i] = frames - 1 - i;
    this.freeTop = frames - 1;
  }

  /** A zeroed frame with refcount 1, or -1 when every frame is in use. */
  allocFrame(): number {
    if (this.freeTop === 0) return -1;
    const frame = this.freeStack[--this.freeTop];
    this.refs[frame] = 1;
    const base = frame << PAGE_SHIFT;
    if (frame > this.highWater) {
      // A frame never handed out is still zero (a new ArrayBuffer is): one write
      // makes the host map the page -- it zeroes it anyway -- instead of a 4 KiB fill
      // on top of that first-touch fault.
      this.highWater = frame;
      this.u8[base] = 0;
    } else if (this.zeroed[frame] === 1) {
      this.zeroed[frame] = 0;
    } else {
      this.u8.fill(0, base, base + PAGE_SIZE);
    }
    this.framesAllocated++;
    return frame;
  }

  /** Zeroes the frames freed since freeFrames() returned `since` (nothing allocated
   *  in between), a run of consecutive frames at a time. */
  zeroFreedSince(since: number): void {
    if (!(since >= 0 && since <= this.freeTop)) throw new Error(`zeroFreedSince: ${since} free frames then, ${this.freeTop} now`);
    const stack = this.freeStack;
    let i = since;
    while (i < this.freeTop) {
      let lo = stack[i];
      let hi = lo;
      let j = i + 1;
      for (; j < this.freeTop; j++) {
        const f = stack[j];
        if (f === hi + 1) hi = f;
        else if (f === lo - 1) lo = f;
        else break;
      }
      this.u8.fill(0, lo << PAGE_SHIFT, (hi + 1) << PAGE_SHIFT);
      this.zeroed.fill(1, lo, hi + 1);
      i = j;
    }
  }

  ref(frame: number): void {
    this.checkInUse(frame, 'ref');
    this.refs[frame]++;
  }

  /** Drops one reference; the last one returns the frame to the free stack. */
  unref(frame: number): void {
    this.checkInUse(frame, 'unref');
    if (--this.refs[frame] === 0) {
      this.freeStack[this.freeTop++] = frame;
      this.framesFreed++;
    }
  }

  refCount(frame: number): number {
    this.checkRange(frame, 'refCount');
    return this.refs[frame];
  }

  freeFrames(): number {
    return this.freeTop;
  }

  /** Panics when the free stack and the reference counts disagree. */
  checkInvariants(): void {
    const seen = new Uint8Array(this.frameCount);
    for (let i = 0; i < this.freeTop; i++) {
      const frame = this.freeStack[i];
      if (frame <= 0 || frame >= this.frameCount) throw new Error(`PhysMem.checkInvariants: free frame ${frame} out of range`);
      if (seen[frame]) throw new Error(`PhysMem.checkInvariants: frame ${frame} free twice`);
      if (this.refs[frame] !== 0) throw new Error(`PhysMem.checkInvariants: free frame ${frame} has refcount ${this.refs[frame]}`);
      seen[frame] = 1;
    }
    let inUse = 0;
    for (let frame = 1; frame < this.frameCount; frame++) {
      if (this.refs[frame] < 0) throw new Error(`PhysMem.checkInvariants: frame ${frame} has refcount ${this.refs[frame]}`);
      if (this.refs[frame] > 0) {
        inUse++;
        if (this.zeroed[frame] !== 0) throw new Error(`PhysMem.checkInvariants: frame ${frame} is in use but marked zeroed`);
      } else if (!seen[frame]) throw new Error(`PhysMem.checkInvariants: frame ${frame} is neither used nor free`);
    }
    if (this.refs[0] !== 0) throw new Error('PhysMem.checkInvariants: reserved frame 0 is referenced');
    if (this.framesAllocated - this.framesFreed !== inUse) {
      throw new Error(`PhysMem.checkInvariants: ${inUse} frames in use but counters say ${this.framesAllocated - this.framesFreed}`);
    }
  }

  private checkRange(frame: number, fn: string): void {
    if (!(Number.isInteger(frame) && frame > 0 && frame < this.frameCount)) {
      throw new Error(`${fn}: frame ${frame} out of range`);
    }
  }

  private checkInUse(frame: number, fn: string): void {
    this.checkRange(frame, fn);
    if (this.refs[frame] === 0) throw new Error(`${fn}: frame ${frame} not in use`);
  }
}

/** Guest memory is little endian; the i32/u16 views use the host's byte order. */
function assertLittleEndianHost(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new Error('PhysMem: ipcvm needs a little-endian host');
  }
}
