import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Calls `callback` whenever `type` is fired on the window, while the host is connected. */
export class WindowEventWatch implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly type: string,
    private readonly callback: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(this.type, this.listener);
  }

  hostDisconnected(): void {
    window.removeEventListener(this.type, this.listener);
  }

  private readonly listener = (): void => this.callback();
}
