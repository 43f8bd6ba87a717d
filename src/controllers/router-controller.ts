import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * `#/consultation/<patient>` keeps the chosen patient through a reload; `#/consultation/<patient>/start`
 * (the patient page's link) also starts the camera once, then drops the `/start`.
 */
export type Route =
  | { view: 'consultation'; patientId: string; start: boolean }
  | { view: 'patients' }
  | { view: 'patient'; id: string }
  | { view: 'session'; id: string }
  | { view: 'settings' };

export type TopView = 'consultation' | 'patients' | 'settings';

/** Hash routes keep every screen reachable offline: the service worker only ever serves index.html. */
export function parseRoute(hash: string): Route {
  const [head = '', id, action] = hash.replace(/^#\/?/, '').split('/');
  switch (head) {
    case 'patients':
      return id ? { view: 'patient', id: decodeURIComponent(id) } : { view: 'patients' };
    case 'sessions':
      return id ? { view: 'session', id: decodeURIComponent(id) } : { view: 'patients' };
    case 'settings':
      return { view: 'settings' };
    default:
      return {
        view: 'consultation',
        patientId: head === 'consultation' && id ? decodeURIComponent(id) : '',
        start: action === 'start',
      };
  }
}

/** The top-level tab a route belongs to, for the navigation's aria-current. */
export function topViewOf(route: Route): TopView {
  switch (route.view) {
    case 'patient':
    case 'session':
    case 'patients':
      return 'patients';
    case 'settings':
      return 'settings';
    case 'consultation':
      return 'consultation';
  }
}

/** The hash of the consultation screen with `patientId` chosen (and the camera starting, with `start`). */
export function consultationHash(patientId: string, start = false): string {
  if (!patientId) return '#/consultation';
  return `#/consultation/${encodeURIComponent(patientId)}${start ? '/start' : ''}`;
}

export class RouterController implements ReactiveController {
  route: Route = parseRoute(location.hash);

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
    this.onHashChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = (): void => {
    this.route = parseRoute(location.hash);
    this.host.requestUpdate();
  };
}
