import { msg } from '@lit/localize';
import { syncView } from '../controllers/sync-runner.js';

/**
 * A delete confirmation's message, told when sync is on that the deletion also reaches the
 * clinic's other devices (it travels like any change, see docs/sync.md).
 */
export function withDeletionReach(message: string): string {
  if (syncView().mode === 'off') return message;
  return `${message} ${msg('Sync is on: it is also deleted on the clinic’s other devices when they next sync.')}`;
}
