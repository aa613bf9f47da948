'use strict';
// One core for the load generator, the other for the server under test (Linux, util-linux's taskset).
const { execFileSync } = require('node:child_process');
const os = require('node:os');

/**
 * Whether processes can be pinned here: Linux with taskset and at least two CPUs. Unpinned, the
 * scheduler sometimes put a server's threads and the load generator on one core and sometimes not,
 * and the same Mimic build measured 13 or 16 µs of CPU per GET / from one start to the next.
 */
function canPin() {
  if (os.platform() !== 'linux' || os.availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PINNED = canPin();
const LOAD_CPU = 0;
// Read before this process pins itself: availableParallelism() counts only the CPUs a process may use.
const SERVER_CPU = os.availableParallelism() - 1;

/** Pins every thread of `pid` to `cpu` (threads it starts later inherit it); a no-op where pinning is not possible. */
function pin(pid, cpu) {
  if (PINNED) execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** This process, the load generator, on the first CPU. */
const pinLoadGenerator = () => pin(process.pid, LOAD_CPU);

/** A server under test on the last CPU. */
const pinServer = (pid) => pin(pid, SERVER_CPU);

module.exports = { PINNED, pinLoadGenerator, pinServer };
