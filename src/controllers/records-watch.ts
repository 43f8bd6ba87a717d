import type { ReactiveControllerHost } from 'lit';
import { EventWatch } from './event-watch.js';

/** The window event fired when sync has written records from another device into this one. */
export const RECORDS_SYNCED = 'resmo-records-synced';

/** Calls `reload` whenever sync brings records from another device, while the host is connected. */
export class RecordsWatch extends EventWatch {
  constructor(host: ReactiveControllerHost, reload: () => void) {
    super(host, window, RECORDS_SYNCED, reload);
  }
}
