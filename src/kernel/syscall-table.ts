// The system call table: number, name and argument kinds. The guest header
// lang/include/sys/syscall.h, the kernel's dispatch (syscall.ts, which binds each
// name to its sys_<name> handler) and the trace printer are all built from it.
// Numbers are Linux i386's, so traces read like strace on a 32-bit Linux.
//
// Calling convention: the guest pushes the arguments right to left and executes
// `SYS nr`; the kernel reads argument i from i32[sp + 4*i] and puts the result in a.
// A result in -4095..-1 is -errno (the C library turns it into -1 and errno).
// Argument kinds named out* point at memory the call fills: the tracer shows them
// when the call returns (and as an address when it failed).

export type ArgKind =
  | 'int' // signed decimal
  | 'uint' // unsigned decimal
  | 'hex' // address or mask, printed 0x...
  | 'fd' // descriptor
  | 'pid'
  | 'sig' // signal number, printed SIGUSR1
  | 'path' // NUL-terminated string read from guest memory
  | 'inbuf' // bytes the call reads; length is the next argument
  | 'outbuf' // bytes the call writes; printed after return, length = result
  | 'argv' // NULL-terminated array of strings
  | 'oflags' // O_* flags
  | 'pipeflags' // pipe2's O_NONBLOCK|O_CLOEXEC (no access mode)
  | 'mode' // octal permission bits
  | 'ipcflags' // IPC_CREAT|IPC_EXCL|0644
  | 'msgflags' // IPC_NOWAIT|MSG_NOERROR
  | 'sembuf' // struct sembuf array; count is the next argument
  | 'struct' // a pointer to a struct, printed as an address unless the tracer knows it
  | 'waitopts' // WNOHANG|WUNTRACED|WCONTINUED
  | 'fcntlcmd'
  | 'semcmd' // IPC_RMID, IPC_STAT, GETVAL, SETVAL, ...
  | 'msgcmd' // IPC_RMID, IPC_STAT, IPC_SET, MSG_STAT, ...
  | 'shmcmd' // IPC_RMID, IPC_STAT, SHM_LOCK, ...
  | 'sighow' // SIG_BLOCK ...
  | 'prot'
  | 'mapflags'
  | 'seek'
  | 'ipckey' // key_t: IPC_PRIVATE or 0x...
  | 'outfds' // int[2] the call fills: [3, 4]
  | 'timespec' // struct timespec the call reads
  | 'outtimespec'
  | 'outtimeval'
  | 'outstat' // struct stat the call fills
  | 'outstatus' // int wait status the call fills
  | 'sigaction' // struct sigaction the call reads
  | 'outsigaction'
  | 'sigset' // sigset_t the call reads
  | 'outsigset'
  | 'siginfo' // siginfo_t the call reads
  | 'msgbuf' // {mtype, mtext} the call reads; text length is the next argument
  | 'outmsgbuf' // {mtype, mtext} the call fills; text length = result
  | 'clockid' // CLOCK_MONOTONIC ...
  | 'shmflags' // SHM_RDONLY|SHM_RND
  | 'fcntlarg' // fcntl's third argument, decoded by the command before it
  | 'ioctlreq' // TCGETS ...
  | 'dev'; // mknod's device number, shown only for device nodes

export interface SyscallInfo {
  readonly nr: number;
  readonly name: string;
  readonly args: readonly ArgKind[];
  /** How the result reads when it is not an error: an address for 'hex'. */
  readonly ret?: 'hex';
}

export const SYSCALLS = [
  { nr: 1, name: 'exit', args: ['int'] },
  { nr: 2, name: 'fork', args: [] },
  { nr: 3, name: 'read', args: ['fd', 'outbuf', 'uint'] },
  { nr: 4, name: 'write', args: ['fd', 'inbuf', 'uint'] },
  { nr: 5, name: 'open', args: ['path', 'oflags', 'mode'] },
  { nr: 6, name: 'close', args: ['fd'] },
  { nr: 8, name: 'creat', args: ['path', 'mode'] },
  { nr: 10, name: 'unlink', args: ['path'] },
  { nr: 11, name: 'execve', args: ['path', 'argv', 'argv'] },
  { nr: 12, name: 'chdir', args: ['path'] },
  { nr: 13, name: 'time', args: ['hex'] },
  { nr: 14, name: 'mknod', args: ['path', 'mode', 'dev'] },
  { nr: 19, name: 'lseek', args: ['fd', 'int', 'seek'] },
  { nr: 20, name: 'getpid', args: [] },
  { nr: 24, name: 'getuid', args: [] },
  { nr: 27, name: 'alarm', args: ['uint'] },
  { nr: 29, name: 'pause', args: [] },
  { nr: 37, name: 'kill', args: ['pid', 'sig'] },
  { nr: 41, name: 'dup', args: ['fd'] },
  { nr: 42, name: 'pipe', args: ['outfds'] },
  { nr: 45, name: 'brk', args: ['hex'], ret: 'hex' },
  { nr: 47, name: 'getgid', args: [] },
  { nr: 49, name: 'geteuid', args: [] },
  { nr: 50, name: 'getegid', args: [] },
  { nr: 54, name: 'ioctl', args: ['fd', 'ioctlreq', 'hex'] },
  { nr: 55, name: 'fcntl', args: ['fd', 'fcntlcmd', 'fcntlarg'] },
  { nr: 57, name: 'setpgid', args: ['pid', 'pid'] },
  { nr: 63, name: 'dup2', args: ['fd', 'fd'] },
  { nr: 64, name: 'getppid', args: [] },
  { nr: 65, name: 'getpgrp', args: [] },
  { nr: 78, name: 'gettimeofday', args: ['outtimeval', 'hex'] },
  { nr: 91, name: 'munmap', args: ['hex', 'uint'] },
  { nr: 106, name: 'stat', args: ['path', 'outstat'] },
  { nr: 108, name: 'fstat', args: ['fd', 'outstat'] },
  { nr: 114, name: 'wait4', args: ['pid', 'outstatus', 'waitopts', 'hex'] },
  { nr: 132, name: 'getpgid', args: ['pid'] },
  { nr: 158, name: 'sched_yield', args: [] },
  { nr: 162, name: 'nanosleep', args: ['timespec', 'hex'] },
  { nr: 173, name: 'rt_sigreturn', args: [] },
  { nr: 174, name: 'rt_sigaction', args: ['sig', 'sigaction', 'outsigaction'] },
  { nr: 175, name: 'rt_sigprocmask', args: ['sighow', 'sigset', 'outsigset'] },
  { nr: 176, name: 'rt_sigpending', args: ['outsigset'] },
  { nr: 178, name: 'rt_sigqueueinfo', args: ['pid', 'sig', 'siginfo'] },
  { nr: 179, name: 'rt_sigsuspend', args: ['sigset'] },
  { nr: 183, name: 'getcwd', args: ['hex', 'uint'] },
  { nr: 192, name: 'mmap', args: ['hex', 'uint', 'prot', 'mapflags', 'fd', 'int'], ret: 'hex' },
  { nr: 220, name: 'getdents64', args: ['fd', 'hex', 'uint'] },
  { nr: 252, name: 'exit_group', args: ['int'] },
  { nr: 265, name: 'clock_gettime', args: ['clockid', 'outtimespec'] },
  { nr: 331, name: 'pipe2', args: ['outfds', 'pipeflags'] },
  { nr: 393, name: 'semget', args: ['ipckey', 'int', 'ipcflags'] },
  { nr: 394, name: 'semctl', args: ['int', 'int', 'semcmd', 'hex'] },
  { nr: 395, name: 'shmget', args: ['ipckey', 'uint', 'ipcflags'] },
  { nr: 396, name: 'shmctl', args: ['int', 'shmcmd', 'struct'] },
  { nr: 397, name: 'shmat', args: ['int', 'hex', 'shmflags'], ret: 'hex' },
  { nr: 398, name: 'shmdt', args: ['hex'] },
  { nr: 399, name: 'msgget', args: ['ipckey', 'ipcflags'] },
  { nr: 400, name: 'msgsnd', args: ['int', 'msgbuf', 'uint', 'msgflags'] },
  { nr: 401, name: 'msgrcv', args: ['int', 'outmsgbuf', 'uint', 'int', 'msgflags'] },
  { nr: 402, name: 'msgctl', args: ['int', 'msgcmd', 'struct'] },
  // i386 Linux has no direct semop; 420 is its semtimedop_time64, which with a NULL
  // timeout is semop.
  { nr: 420, name: 'semop', args: ['int', 'sembuf', 'uint'] },
  // ipcvm's own calls, above Linux's numbers: the process table for ps (Linux's
  // ps reads /proc), and the compiler for /bin/cc (which writes a .ipx module).
  { nr: 500, name: 'ipcvm_procstat', args: ['pid', 'hex'] },
  { nr: 501, name: 'ipcvm_compile', args: ['path', 'path', 'hex', 'uint'] },
] as const satisfies readonly SyscallInfo[];

export type SyscallName = (typeof SYSCALLS)[number]['name'];

/** Lookup by number (sparse); undefined for numbers that are not syscalls. */
export const SYSCALL_BY_NR: ReadonlyMap<number, SyscallInfo> = new Map(SYSCALLS.map((s) => [s.nr, s]));
