/**
 * @module bench/support/load
 * What the benches that drive a real server share: a session's worth of coach turns, a quantile
 * and the server's resident memory read from /proc.
 */
import { readFileSync } from 'node:fs';

/** Ten coach turns, one scripted session's worth. */
export const COACH_LINES = [
  'What would you like to get out of our conversation today?',
  'It sounds like a lot has landed on you at once.',
  'What else is going on for you?',
  'You feel pulled between what the team needs and what you need.',
  'What are you assuming about how they see you?',
  'If you knew they trusted your judgement, what would you do?',
  'So you want to be fair to them and also make the calls the role needs.',
  'What would a first step look like?',
  'What will you do first, and by when?',
  'You sound clearer about where to start.',
];

/** The q-quantile of xs (NaN when empty). */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
}

/**
 * A process's CPU time so far (user + system) in ms, from /proc (Linux): the server's CPU per
 * request is the difference over a phase divided by its requests, a figure that holds on a busy
 * machine where latencies and rates do not.
 */
export function cpuMs(pid: number): number {
  // the fields after the command name, which is in parentheses and may hold spaces
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the name; in clock ticks (100 a second)
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** A process's resident memory in MB (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
