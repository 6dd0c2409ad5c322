// The devices of /dev: null (console.ts's NullFile) and tty, the terminal the
// host runs on (present only when the host's stdin and stdout are one): reads
// come from the host's stdin, writes go to its stdout, and it answers the
// terminal ioctls as the console does.
import { ConsoleFile, NullFile, type HostIo } from './console.js';
import type { File, OpenFile } from './file.js';
import type { DeviceInode } from './inode.js';
import type { Kernel } from './kernel.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';

export class TtyFile implements File {
  readonly kind = 'tty';
  private readonly input: ConsoleFile;
  private readonly output: ConsoleFile;

  constructor(
    host: HostIo,
    readonly inode: DeviceInode,
  ) {
    this.input = new ConsoleFile(0, host);
    this.output = new ConsoleFile(1, host);
  }

  read(k: Kernel, p: Proc, f: OpenFile, addr: number, count: number): number {
    return this.input.read(k, p, f, addr, count);
  }

  write(k: Kernel, p: Proc, f: OpenFile, addr: number, count: number): number {
    return this.output.write(k, p, f, addr, count);
  }

  ioctl(k: Kernel, p: Proc, f: OpenFile, request: number, arg: number): number {
    return this.output.ioctl(k, p, f, request, arg);
  }

  release(): void {}

  describe(): string {
    return '/dev/tty';
  }
}

/** A new File for an open of device node. */
export function openDevice(k: Kernel, node: DeviceInode): File {
  switch (node.device) {
    case 'null':
      return new NullFile(node);
    case 'tty':
      return new TtyFile(k.host, node);
    default: {
      const never: never = node.device;
      return panic('openDevice', `unknown device ${String(never)}`);
    }
  }
}
