/**
 * CPU time a server process (and its children) used, from /proc: on a machine shared with other
 * work, requests per second swing with everyone's load, while the server's CPU time per request
 * stays put. The benchmarks print both.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

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
    // The command name (field 2) may hold spaces and parentheses: fields count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
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
