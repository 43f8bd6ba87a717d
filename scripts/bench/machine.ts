/** The machine a bench ran on and what else was running on it. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import type { Report } from './models-report';

export const loadAverage = (): number[] => loadavg().map((v) => Math.round(v * 100) / 100);

interface Process {
  pid: number;
  ppid: number;
  cpu: number;
  args: string;
}

function listProcesses(): Process[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,ppid=,pcpu=,args='], { encoding: 'utf8' }).split('\n');
  return lines.flatMap((line) => {
    const [, pid, ppid, cpu, args = ''] = /^\s*(\d+)\s+(\d+)\s+([\d.]+)\s+(.*)$/.exec(line) ?? [];
    return pid === undefined ? [] : [{ pid: Number(pid), ppid: Number(ppid), cpu: Number(cpu), args }];
  });
}

/** This run's own processes: its ancestors (npm, vitest), itself, and everything under it (Chromium). */
function ownProcesses(all: Process[]): Set<number> {
  const parent = new Map(all.map((p) => [p.pid, p.ppid]));
  const ours = new Set<number>();
  for (let pid = process.pid; pid > 1 && !ours.has(pid); pid = parent.get(pid) ?? 0) ours.add(pid);
  const queue = [process.pid];
  for (const pid of queue) {
    const children = all.filter((p) => p.ppid === pid && !ours.has(p.pid));
    children.forEach((p) => ours.add(p.pid));
    queue.push(...children.map((p) => p.pid));
  }
  return ours;
}

/** Other processes holding a core (ps's %CPU over their lifetime): what the bench shared the cores with. */
export function busyProcesses(): string[] {
  try {
    const all = listProcesses();
    const ours = ownProcesses(all);
    return all.filter((p) => p.cpu >= 25 && !ours.has(p.pid)).map((p) => `${p.args.slice(0, 100)} (${p.cpu}% CPU)`);
  } catch {
    return [];
  }
}

export function machine(): Report['machine'] {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const distro = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1];
  return {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: [distro, `${type()} ${release()}`].filter(Boolean).join(', '),
    loadAverageStart: loadAverage(),
    loadAverageEnd: [],
    busyStart: busyProcesses(),
    busyEnd: [],
  };
}
