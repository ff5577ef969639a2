import { readdirSync, readFileSync } from 'node:fs';

/** /proc reports CPU time in USER_HZ ticks, which Linux fixes at 100 a second for every architecture. */
const ticksPerSecond = 100;

interface ProcessInfo {
  parent: number;
  /** User plus system CPU time of the process itself (its reaped children are not included), in seconds. */
  cpuSeconds: number;
}

/** Every process visible in /proc; processes that exit while being read are skipped. */
function processes(): Map<number, ProcessInfo> {
  const found = new Map<number, ProcessInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name sits in parentheses and may itself hold spaces or ")": fields resume after the last ")".
      // From there, index 1 is the parent pid and 11 and 12 are utime and stime (fields 4, 14 and 15 of proc(5)).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      found.set(Number(name), { parent: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return found;
}

function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function treeOf(rootPid: number, all: Map<number, ProcessInfo>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of all) {
    const siblings = children.get(parent) ?? [];
    siblings.push(pid);
    children.set(parent, siblings);
  }
  if (!all.has(rootPid)) return [];
  const tree: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The pid and every descendant of it that is alive now; empty once the pid has exited. */
export function processTree(rootPid: number): number[] {
  return treeOf(rootPid, processes());
}

/** Resident memory of a process and all its descendants (Linux /proc); pages shared between them count once per process. */
export function processTreeRss(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + residentBytes(pid), 0);
}

export interface TreeUsage {
  /** Highest resident memory of the whole tree at one sample, in bytes. */
  peakRssBytes: number;
  /** CPU time (user + system) of every process seen in the tree, as of its last sample. */
  cpuSeconds: number;
}

export interface TreeSampler {
  /** Takes a last sample when the tree is still alive, stops and returns what was seen. */
  stop(): TreeUsage;
}

/**
 * Samples a process tree until stopped. A child's own peak (getrusage, /usr/bin/time) misses its helpers, such
 * as the headless browser a build starts; the sum over the tree does not. CPU time is a lower bound: the time a
 * process spends after its last sample, and processes that live less than one interval, are not seen.
 */
export function sampleProcessTree(rootPid: number, intervalMs = 100): TreeSampler {
  let peakRssBytes = 0;
  const cpu = new Map<number, number>();
  const sample = () => {
    const all = processes();
    let rss = 0;
    for (const pid of treeOf(rootPid, all)) {
      rss += residentBytes(pid);
      cpu.set(pid, all.get(pid)!.cpuSeconds);
    }
    peakRssBytes = Math.max(peakRssBytes, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakRssBytes, cpuSeconds: [...cpu.values()].reduce((sum, seconds) => sum + seconds, 0) };
    },
  };
}
