// The application binary interface shared by the compiler, the C library, the VM
// and the kernel: the guest address-space layout and the calling convention.
//
// Address space (32-bit, 4 KiB pages):
//   0x00000000  page 0, never mapped (NULL dereference faults)
//   0x00400000  TEXT_BASE: code addresses (function pointers, return addresses) are
//               TEXT_BASE + code index; nothing is mapped there
//   0x08000000  DATA_BASE: initialised data, then bss, then the heap (brk grows up)
//   0x40000000  MMAP_BASE: mmap and shmat regions, allocated upward
//   0xBF7FF000  stack guard page (below the lowest stack page)
//   0xC0000000  STACK_TOP: the stack grows down from here, at most STACK_MAX bytes;
//               argv/envp strings and arrays sit at its top
//
// Calling convention (cdecl-like, everything in guest memory):
//   - the caller pushes arguments right to left, each widened to 4 bytes (char and
//     short promoted to int); a struct argument is copied onto the stack, its size
//     rounded up to 4; then CALL pushes the return address (TEXT_BASE + index);
//   - a function returning a struct gets a hidden first argument: the address of
//     the caller's result slot; it copies the result there and returns that address;
//   - the callee runs ENT n (push bp; bp = sp; sp -= n): argument i is at bp + 8 +
//     (sum of the rounded sizes of arguments before it), locals below bp;
//   - the result is in register a; LEV returns; the caller drops the arguments (ADJ).
//   - varargs: va_list is a char* walking upward through the argument area.
//   - struct layout: natural alignment (char 1, short 2, int/long/pointer 4),
//     size rounded to the largest member alignment; ILP32.
//   - sp stays 4-byte aligned.
//
// Process start: the kernel builds the stack so that it looks like a call
//   _start(argc, argv, envp) with return address 0, and sets pc to module.entry.

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;
export const TEXT_BASE = 0x00400000;
export const DATA_BASE = 0x08000000;
export const MMAP_BASE = 0x40000000;
export const STACK_TOP = 0xc0000000;
/** Largest stack (Linux's default RLIMIT_STACK). */
export const STACK_MAX = 8 * 1024 * 1024;
