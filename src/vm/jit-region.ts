// What the JS tier compiles of a guest function: its basic blocks, the control flow
// between them, and for a function too long to compile whole, the loop around a hot
// block. V8 optimises a JS function only after running a multiple of its own size in
// bytecode, so a long function of which one loop is hot would run unoptimised (slower
// than the interpreter) for a long time; its loop alone gets optimised quickly.
import type { FunctionSymbol } from '../isa/module.js';
import { OPCODE_BY_CODE, instructionLength } from '../isa/opcodes.js';
import { Op } from '../isa/op.js';

/** Code index where each basic block of [start, end) begins, ascending. */
export function blockStarts(code: Int32Array, start: number, end: number): number[] {
  const leaders = new Set<number>([start]);
  const inside = (t: number): boolean => t >= start && t < end;
  for (let pc = start; pc < end; pc += instructionLength(code, pc)) {
    for (const t of jumpTargets(code, pc)) if (inside(t)) leaders.add(t);
    const next = pc + instructionLength(code, pc);
    if (endsBlock(code[pc]) && next < end) leaders.add(next);
  }
  return [...leaders].sort((x, y) => x - y);
}

/** [start, end) of each block of f to compile (all its blocks, or the chosen ones). */
export function blockRanges(code: Int32Array, u: { f: FunctionSymbol; blocks?: readonly number[] }): [number, number][] {
  const all = blockStarts(code, u.f.start, u.f.end);
  return (u.blocks ?? all).map((start) => {
    const next = all.indexOf(start) + 1;
    return [start, next < all.length ? all[next] : u.f.end];
  });
}

/** The jump operands (and JTAB table words) of the instruction at pc. */
export function jumpTargets(code: Int32Array, pc: number): number[] {
  const info = OPCODE_BY_CODE[code[pc]];
  if (info === undefined) throw new Error(`jumpTargets: no instruction at ${pc}`);
  const targets: number[] = [];
  info.operands.forEach((kind, k) => {
    if (kind === 'jump') targets.push(code[pc + 1 + k]);
  });
  if (code[pc] === Op.JTAB) for (let i = 0; i < code[pc + 2]; i++) targets.push(code[pc + 4 + i]);
  return targets;
}

/** Instructions after which control may continue elsewhere or re-enter (return sites,
 *  after SYS; after a block copy, which compiled code leaves to the interpreter). */
function endsBlock(op: number): boolean {
  const info = OPCODE_BY_CODE[op];
  if (info === undefined) return true;
  return (
    info.operands.includes('jump') ||
    op === Op.JTAB ||
    op === Op.CALL ||
    op === Op.CALLI ||
    op === Op.LEV ||
    op === Op.SYS ||
    op === Op.MCPY ||
    op === Op.MZERO
  );
}

/** Control never goes on to the next instruction after op. */
export function isUnconditional(op: number): boolean {
  return op === Op.JMP || op === Op.JTAB || op === Op.LEV;
}

/** The blocks of the innermost loop of f that holds the block starting at pc,
 *  ascending; undefined when that block is on no cycle. A natural loop (the body of
 *  a back edge to a block that dominates its source, loops with one header merged)
 *  when the block lies in one, else (irreducible control flow) loopAround's blocks.
 *
 *  Why innermost: V8 optimises a generated function while its hottest loop runs (OSR)
 *  and throws the code away when a path it has not seen run yet first runs
 *  ("insufficient type feedback"); a unit that is one inner loop has run all of its
 *  paths within an iteration or two, and an outer loop, compiled when it gets hot in
 *  turn, is first entered at one of its own blocks. */
export function innermostLoop(code: Int32Array, f: FunctionSymbol, pc: number): number[] | undefined {
  const { starts, successors, predecessors } = controlFlow(code, f);
  const from = starts.indexOf(pc);
  if (from < 0) return undefined;
  const dominators = dominatorSets(successors, predecessors);
  let best: boolean[] | undefined;
  let bestSize = Infinity;
  starts.forEach((_, header) => {
    // The natural loop of header: every block that reaches one of its back edges'
    // sources without passing through header.
    const tails = predecessors[header].filter((u) => dominators[u]?.has(header));
    if (tails.length === 0) return;
    const body = starts.map((_, i) => i === header);
    const stack = tails.filter((u) => !body[u]);
    for (const u of stack) body[u] = true;
    while (stack.length > 0) {
      const node = stack.pop() as number;
      for (const p of predecessors[node]) {
        if (!body[p]) {
          body[p] = true;
          stack.push(p);
        }
      }
    }
    const size = body.filter(Boolean).length;
    if (body[from] && size < bestSize) {
      best = body;
      bestSize = size;
    }
  });
  if (best === undefined) return loopAround(code, f, pc);
  const chosen = best;
  return starts.filter((_, i) => chosen[i]);
}

/** The blocks of f, and the edges between them (a call goes on at its return site,
 *  a SYS after it). */
function controlFlow(code: Int32Array, f: FunctionSymbol): { starts: number[]; successors: number[][]; predecessors: number[][] } {
  const starts = blockStarts(code, f.start, f.end);
  const index = new Map(starts.map((s, i) => [s, i]));
  const successors: number[][] = starts.map(() => []);
  const predecessors: number[][] = starts.map(() => []);
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : f.end;
    let last = start;
    for (let at = start; at < end; at += instructionLength(code, at)) last = at;
    const targets = jumpTargets(code, last);
    if (!isUnconditional(code[last]) && end < f.end) targets.push(end);
    for (const t of targets) {
      const j = index.get(t);
      if (j === undefined || successors[i].includes(j)) continue;
      successors[i].push(j);
      predecessors[j].push(i);
    }
  });
  return { starts, successors, predecessors };
}

/** Per block, the blocks that dominate it (from block 0, the function's entry);
 *  undefined for a block that the entry does not reach. */
function dominatorSets(successors: number[][], predecessors: number[][]): (Set<number> | undefined)[] {
  const reached = reach(0, successors);
  const all = successors.map((_, i) => i).filter((i) => reached[i]);
  const dom: (Set<number> | undefined)[] = successors.map((_, i) => (reached[i] ? new Set(i === 0 ? [0] : all) : undefined));
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of all) {
      if (i === 0) continue;
      let meet: Set<number> | undefined;
      for (const p of predecessors[i]) {
        const d = dom[p];
        if (d === undefined) continue;
        meet = meet === undefined ? new Set(d) : new Set([...meet].filter((x) => d.has(x)));
      }
      const next = new Set(meet ?? []);
      next.add(i);
      const current = dom[i] as Set<number>;
      if (next.size !== current.size || [...next].some((x) => !current.has(x))) {
        dom[i] = next;
        changed = true;
      }
    }
  }
  return dom;
}

/** The blocks of f that lie on a cycle through the block starting at pc (both reachable
 *  from it and reaching it), ascending; undefined when that block is on no cycle. A
 *  call is assumed to return to its return site, a SYS to go on after it. */
export function loopAround(code: Int32Array, f: FunctionSymbol, pc: number): number[] | undefined {
  const { starts, successors, predecessors } = controlFlow(code, f);
  const from = starts.indexOf(pc);
  if (from < 0 || !hasPath(from, successors)) return undefined;
  const forward = reach(from, successors);
  const backward = reach(from, predecessors);
  return starts.filter((_, i) => forward[i] && backward[i]);
}

/** Marks every node reachable from `from` (and `from` itself). */
function reach(from: number, edges: number[][]): boolean[] {
  const seen = edges.map(() => false);
  const stack = [from];
  seen[from] = true;
  while (stack.length > 0) {
    const node = stack.pop() as number;
    for (const next of edges[node]) {
      if (!seen[next]) {
        seen[next] = true;
        stack.push(next);
      }
    }
  }
  return seen;
}

/** True when node `from` lies on a cycle (it can reach itself in one or more steps). */
function hasPath(from: number, edges: number[][]): boolean {
  const seen = edges.map(() => false);
  const stack = [...edges[from]];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (node === from) return true;
    if (seen[node]) continue;
    seen[node] = true;
    stack.push(...edges[node]);
  }
  return false;
}
