/**
 * CPU time a server process (and its children) used, from /proc: on a machine shared with other
 * work, requests per second swing with everyone's load, while the server's CPU time per request
 * stays put. The benchmarks print both.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** The fields of a `/proc/…/stat` line after the command name, which may hold spaces and parentheses: they count from the last ')'. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU seconds of one `/proc/…/stat` line. */
function statSeconds(fields: readonly string[]): number {
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** `(pid, parent pid, user + system ticks)` of every process, or none where /proc is missing. */
function processes(): Array<{ pid: number; ppid: number; ticks: number }> {
  if (!fs.existsSync('/proc/self/stat')) return [];
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const fields = statFields(stat);
    out.push({ pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return out;
}

/** CPU seconds used so far by `pid` and every process under it. */
export function cpuSeconds(pid: number): number {
  const all = processes();
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0) / TICKS_PER_SECOND;
}

/** CPU seconds used so far by `pid` alone, or undefined once it is gone. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    return statSeconds(statFields(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')));
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by each thread of this process, keyed `<tid>:<name>`. */
export function threadCpuSeconds(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    out.set(`${tid}:${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`, statSeconds(statFields(stat)));
  }
  return out;
}
