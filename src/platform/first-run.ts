/**
 * Whether this browser finished the first-run welcome. Not a secret and not a lock: the welcome
 * shows while encryption is off and this is unset, and its last step turns encryption on.
 */
const KEY = 'resmo.first-run';

export function firstRunDone(): boolean {
  return localStorage.getItem(KEY) === 'done';
}

export function markFirstRunDone(): void {
  localStorage.setItem(KEY, 'done');
}
