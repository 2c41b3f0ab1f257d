// The peak resident memory of this process alone, for benchmarks that measure in a spawned child.
import { readFileSync } from 'node:fs';

/**
 * This process's own peak RSS in MB: the high-water mark of its address space (VmHWM, Linux). Not
 * process.resourceUsage().maxRSS there: Linux carries the parent's high-water mark into a spawned child across exec,
 * so a child would report its parent's memory (measured: a child of an 880 MB parent read 804 MB, VmHWM 40 MB).
 */
export function ownPeakRssMB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // No /proc (not Linux): the rusage figure, which elsewhere is this process's own.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
