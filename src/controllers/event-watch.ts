import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `callback` whenever `target` fires `type`, while the host is connected; with `atConnect`,
 * also each time the host connects (to show the current state at once).
 */
export class EventWatch implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly target: EventTarget,
    private readonly type: string,
    private readonly callback: () => void,
    private readonly options: { atConnect?: boolean } = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.target.addEventListener(this.type, this.listener);
    if (this.options.atConnect === true) this.callback();
  }

  hostDisconnected(): void {
    this.target.removeEventListener(this.type, this.listener);
  }

  private readonly listener = (): void => this.callback();
}
