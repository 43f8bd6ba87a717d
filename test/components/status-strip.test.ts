import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/consultation/resmo-status-strip';

afterEach(() => document.body.replaceChildren());

async function strip(setup: (el: HTMLElementTagNameMap['resmo-status-strip']) => void) {
  const el = document.createElement('resmo-status-strip');
  setup(el);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('<resmo-status-strip>', () => {
  it('says "Ready" in plain words, with no engine or frame rate', async () => {
    const el = await strip((s) => (s.status = 'ready'));
    expect(text(el)).toBe('Ready');
  });

  it('shows a slow first download as a progress bar with the time left, and keeps it to the end', async () => {
    const el = await strip((s) => {
      s.status = 'loading';
      s.progress = { type: 'progress', stage: 'loading-models', fraction: 0.1 };
    });
    expect(el.shadowRoot!.querySelector('progress')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 700));
    el.progress = { type: 'progress', stage: 'loading-models', fraction: 0.5 };
    await el.updateComplete;
    const bar = el.shadowRoot!.querySelector('progress')!;
    expect(bar.value).toBeGreaterThan(0.4);
    expect(bar.value).toBeLessThan(1);
    expect(text(el)).toMatch(/^Preparing \(first time only\)… About \d+ s left\. Later visits start at once\.$/);
    el.progress = { type: 'progress', stage: 'warming-up', backend: 'wasm' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('progress')!.value).toBeGreaterThan(bar.value - 0.01);
  });

  it('shows no bar for models that arrive at once from the cache', async () => {
    const el = await strip((s) => {
      s.status = 'loading';
      s.progress = { type: 'progress', stage: 'loading-models', fraction: 0.5 };
    });
    el.progress = { type: 'progress', stage: 'loading-models', fraction: 1 };
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 700));
    el.progress = { type: 'progress', stage: 'warming-up', backend: 'wasm' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('progress')).toBeNull();
  });

  it('says only "Preparing…" when the engine is already known', async () => {
    const el = await strip((s) => {
      s.status = 'loading';
      s.progress = { type: 'progress', stage: 'warming-up', backend: 'wasm' };
    });
    expect(el.shadowRoot!.querySelector('progress')).toBeNull();
    expect(text(el)).toBe('Preparing…');
  });
});
