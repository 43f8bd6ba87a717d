import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/consultation/resmo-emotion-bars';
import { confidenceOf, type ResmoEmotionBars } from '../../src/components/consultation/resmo-emotion-bars';

async function mount(probabilities: number[] | null, reason = ''): Promise<ResmoEmotionBars> {
  const el = document.createElement('resmo-emotion-bars');
  el.probabilities = probabilities;
  el.reason = reason;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('<resmo-emotion-bars>', () => {
  it('names the dominant emotion and labels all seven bars', async () => {
    const el = await mount([0.05, 0.01, 0.04, 0.7, 0.05, 0.1, 0.05]);
    const root = el.shadowRoot!;
    expect(root.querySelector('.dominant')?.textContent).toBe('Happiness');
    expect(root.querySelector('.confidence')?.textContent).toMatch(/High confidence \(70\s?%\)/);
    const rows = [...root.querySelectorAll('li')].map((li) => li.querySelector('span')?.textContent);
    expect(rows).toEqual(['Anger', 'Disgust', 'Fear', 'Happiness', 'Sadness', 'Surprise', 'Neutral']);
    expect(root.querySelector('li.top span')?.textContent).toBe('Happiness');
  });

  it('draws each bar as wide as its probability', async () => {
    const el = await mount([0.1, 0, 0, 0.6, 0.3, 0, 0]);
    const fills = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.fill')];
    expect(fills.map((f) => f.style.width)).toEqual(['10%', '0%', '0%', '60%', '30%', '0%', '0%']);
  });

  it('shows the reason instead of a guess when there is no reliable reading', async () => {
    const el = await mount(null, 'No face in view');
    expect(el.shadowRoot!.querySelector('.dominant')?.textContent).toBe('No face in view');
    expect(el.shadowRoot!.querySelector('li.top')).toBeNull();
  });

  it('bands confidence by the top probability', () => {
    expect([confidenceOf(0.9), confidenceOf(0.45), confidenceOf(0.2)]).toEqual(['high', 'moderate', 'low']);
  });
});
