import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The window event fired when sync has written records from another device into this one. */
export const RECORDS_SYNCED = 'resmo-records-synced';

/** Calls `reload` whenever sync brings records from another device, while the host is connected. */
export class RecordsWatch implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly reload: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(RECORDS_SYNCED, this.onSynced);
  }

  hostDisconnected(): void {
    window.removeEventListener(RECORDS_SYNCED, this.onSynced);
  }

  private readonly onSynced = (): void => this.reload();
}
