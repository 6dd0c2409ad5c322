// The --ipcs report: the IPC objects left in the namespace, in the column layout
// of util-linux `ipcs` with no options (message queues, shared memory segments,
// semaphore arrays, each section after a blank line). Owners are printed as
// numbers, as ipcs does for a uid with no passwd entry.
import type { IpcNamespace, IpcPerm } from './ipc.js';
import { SHM_DEST, SHM_LOCKED } from './shm.js';

/** printf's "%-Ns". */
function left(value: string | number, width: number): string {
  return String(value).padEnd(width);
}

function header(title: string, columns: [string, number][]): string {
  return `------ ${title} --------\n${columns.map(([name, width]) => left(name, width)).join(' ')}\n`;
}

/** "0x%08x %-10d %-10u %-10o": the columns every section starts with. */
function identity(perm: IpcPerm): string {
  const key = `0x${(perm.key >>> 0).toString(16).padStart(8, '0')}`;
  return `${key} ${left(perm.id, 10)} ${left(perm.uid, 10)} ${left((perm.mode & 0o777).toString(8), 10)}`;
}

export function ipcsReport(ipc: IpcNamespace): string {
  let out = '\n';
  out += header('Message Queues', [
    ['key', 10],
    ['msqid', 10],
    ['owner', 10],
    ['perms', 10],
    ['used-bytes', 12],
    ['messages', 12],
  ]);
  for (const q of ipc.msg.all()) out += `${identity(q.perm)} ${left(q.cbytes, 12)} ${left(q.messages.length, 12)}\n`;
  out += '\n';
  out += header('Shared Memory Segments', [
    ['key', 10],
    ['shmid', 10],
    ['owner', 10],
    ['perms', 10],
    ['bytes', 10],
    ['nattch', 10],
    ['status', 12],
  ]);
  for (const s of ipc.shm.all()) {
    const dest = s.perm.mode & SHM_DEST ? 'dest' : ' ';
    const locked = s.perm.mode & SHM_LOCKED ? 'locked' : ' ';
    out += `${identity(s.perm)} ${left(s.size, 10)} ${left(s.nattch, 10)} ${left(dest, 6)} ${left(locked, 6)}\n`;
  }
  out += '\n';
  out += header('Semaphore Arrays', [
    ['key', 10],
    ['semid', 10],
    ['owner', 10],
    ['perms', 10],
    ['nsems', 10],
  ]);
  for (const set of ipc.sem.all()) out += `${identity(set.perm)} ${left(set.nsems, 10)}\n`;
  return out + '\n';
}
