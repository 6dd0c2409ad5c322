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
function jumpTargets(code: Int32Array, pc: number): number[] {
  const info = OPCODE_BY_CODE[code[pc]];
  if (info === undefined) throw new Error(`jumpTargets: no instruction at ${pc}`);
  const targets: number[] = [];
  info.operands.forEach((kind, k) => {
    if (kind === 'jump') targets.push(code[pc + 1 + k]);
  });
  if (code[pc] === Op.JTAB) for (let i = 0; i < code[pc + 2]; i++) targets.push(code[pc + 4 + i]);
  return targets;
}

/** Instructions after which control may continue elsewhere or re-enter (return sites, after SYS). */
function endsBlock(op: number): boolean {
  const info = OPCODE_BY_CODE[op];
  if (info === undefined) return true;
  return info.operands.includes('jump') || op === Op.JTAB || op === Op.CALL || op === Op.CALLI || op === Op.LEV || op === Op.SYS;
}

/** Control never goes on to the next instruction after op. */
export function isUnconditional(op: number): boolean {
  return op === Op.JMP || op === Op.JTAB || op === Op.LEV;
}

/** The blocks of f that lie on a cycle through the block starting at pc (both reachable
 *  from it and reaching it), ascending; undefined when that block is on no cycle. A
 *  call is assumed to return to its return site, a SYS to go on after it. */
export function loopAround(code: Int32Array, f: FunctionSymbol, pc: number): number[] | undefined {
  const starts = blockStarts(code, f.start, f.end);
  const index = new Map(starts.map((s, i) => [s, i]));
  const from = index.get(pc);
  if (from === undefined) return undefined;
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
      if (j === undefined) continue;
      successors[i].push(j);
      predecessors[j].push(i);
    }
  });
  if (!hasPath(from, successors)) return undefined;
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
