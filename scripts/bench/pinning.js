'use strict';
// One core for the load generator, another for the server under test (Linux, util-linux's taskset).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');

/** The CPU numbers this process may run on (its cpuset may skip some: `2,3` or `4-7`), or [] where unknown. */
function allowedCpus() {
  try {
    const list = /^Cpus_allowed_list:\s*(.+)$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '';
    return list.split(',').flatMap((part) => {
      const [from, to = from] = part.trim().split('-').map(Number);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
  } catch {
    return [];
  }
}

/**
 * Where to pin, read before this process pins itself: Linux with taskset and at least two CPUs allowed.
 * Unpinned, the scheduler sometimes put a server's threads next to the load generator and sometimes not.
 */
function plan() {
  const cpus = allowedCpus();
  if (os.platform() !== 'linux' || cpus.length < 2) return undefined;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return { load: cpus[0], server: cpus[cpus.length - 1] };
}

const PLAN = plan();
const PINNED = PLAN !== undefined;

/** Pins every thread of `pid` to `cpu` (threads it starts later inherit it); a no-op where pinning is not possible. */
function pin(pid, cpu) {
  if (PINNED) execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** This process, the load generator, on the first allowed CPU. */
const pinLoadGenerator = () => PINNED && pin(process.pid, PLAN.load);

/** A server under test on the last allowed CPU. */
const pinServer = (pid) => PINNED && pin(pid, PLAN.server);

module.exports = { PINNED, pinLoadGenerator, pinServer };
