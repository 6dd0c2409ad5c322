// What Linux counts per user (struct user_struct) so that one user cannot take the
// whole machine: the pages of pipe buffers (pipe-user-pages-soft/-hard, pipe.ts)
// and the real-time signals queued to processes (RLIMIT_SIGPENDING, kill.ts).
// Every process of a run has the same user (there is no setuid), so the kernel
// keeps one account and these per-user limits bound the whole system.
export class UserAccount {
  /** Page slots of every pipe buffer the user's pipes have (used or not). */
  pipePages = 0;
  /** Real-time signal instances queued to the user's processes (sigstate.ts). */
  sigpending = 0;
}
