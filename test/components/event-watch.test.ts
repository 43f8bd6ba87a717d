import { afterEach, describe, expect, it } from 'vitest';
import { LitElement } from 'lit';
import { RECORDS_SYNCED, RecordsWatch } from '../../src/controllers/records-watch';
import { PreferencesWatch } from '../../src/controllers/preferences-watch';
import { EventWatch } from '../../src/controllers/event-watch';
import type { Preferences } from '../../src/platform/preferences';

const changes = new EventTarget();

/** A bare element holding the watches, counting what they report. */
class WatchHost extends LitElement {
  reloads = 0;
  applied: Preferences[] = [];
  refreshes = 0;
  constructor() {
    super();
    new RecordsWatch(this, () => this.reloads++);
    new PreferencesWatch(this, (p) => this.applied.push(p));
    new EventWatch(this, changes, 'change', () => this.refreshes++, { atConnect: true });
  }
}
customElements.define('watch-host', WatchHost);

afterEach(() => document.body.replaceChildren());

describe('event watches', () => {
  it('report their window events while the element is in the page, and stop once it leaves', async () => {
    const host = document.createElement('watch-host') as WatchHost;
    window.dispatchEvent(new Event(RECORDS_SYNCED));
    expect(host.reloads).toBe(0);
    document.body.append(host);
    await host.updateComplete;
    window.dispatchEvent(new Event(RECORDS_SYNCED));
    window.dispatchEvent(new Event(RECORDS_SYNCED));
    window.dispatchEvent(new Event('resmo-preferences'));
    expect(host.reloads).toBe(2);
    expect(host.applied).toHaveLength(1);
    expect(host.applied[0]).toHaveProperty('smoothing');
    host.remove();
    window.dispatchEvent(new Event(RECORDS_SYNCED));
    window.dispatchEvent(new Event('resmo-preferences'));
    expect(host.reloads).toBe(2);
    expect(host.applied).toHaveLength(1);
  });

  it('with atConnect, reports once on each connection, then on each event of its target', async () => {
    const host = document.createElement('watch-host') as WatchHost;
    changes.dispatchEvent(new Event('change'));
    expect(host.refreshes).toBe(0);
    document.body.append(host);
    await host.updateComplete;
    expect(host.refreshes).toBe(1);
    changes.dispatchEvent(new Event('change'));
    window.dispatchEvent(new Event('change'));
    expect(host.refreshes).toBe(2);
    host.remove();
    changes.dispatchEvent(new Event('change'));
    document.body.append(host);
    expect(host.refreshes).toBe(3);
  });
});
