// The machine a run was measured on (CPU model, cores, memory, OS, Node, gcc), so
// every table and JSON file says where its figures come from.
import { cpus, loadavg, release, platform, totalmem } from 'node:os';
import { spawnSync } from 'node:child_process';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** `gcc -dumpfullversion`, or undefined when gcc is not on the PATH */
  gcc?: string;
  /** 1-minute load average when the run started: other work skews every figure */
  loadAverage: number;
}

export function describeMachine(): MachineInfo {
  const cpu = cpus();
  const gcc = spawnSync('gcc', ['-dumpfullversion'], { encoding: 'utf8' });
  return {
    cpuModel: cpu.length > 0 ? cpu[0].model.trim() : 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    gcc: gcc.status === 0 ? gcc.stdout.trim() : undefined,
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}

export function formatMachine(m: MachineInfo): string {
  const gcc = m.gcc !== undefined ? `gcc ${m.gcc}` : 'gcc not found (no native comparison)';
  const line = `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, ${gcc}, load ${m.loadAverage}`;
  return machineBusy(m) ? `${line}\nWARNING: the machine was busy (load ${m.loadAverage} on ${m.cores} cores): figures are unreliable` : line;
}

/** More runnable work than half the cores when the run started. */
export function machineBusy(m: MachineInfo): boolean {
  return m.loadAverage > m.cores / 2;
}
