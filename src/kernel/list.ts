// Removing one element from the kernel's small arrays (sleepers, waiters, children)
// on the hot paths without Array.prototype.splice, which allocates an array for
// the elements it removes: a ping-pong would make one per round trip.

/** Removes list[i], keeping the order of the rest. */
export function removeAt<T>(list: T[], i: number): void {
  const last = list.length - 1;
  for (let j = i; j < last; j++) list[j] = list[j + 1];
  list.pop();
}

/** Removes the first occurrence of item; false when it is not there. */
export function removeItem<T>(list: T[], item: T): boolean {
  for (let i = 0; i < list.length; i++) {
    if (list[i] !== item) continue;
    removeAt(list, i);
    return true;
  }
  return false;
}
