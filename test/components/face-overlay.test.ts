import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/consultation/resmo-face-overlay';
import type { FaceResult } from '../../src/shared/protocol';

function face(x: number, y: number, size: number): FaceResult {
  const p = { x: 0, y: 0 };
  return {
    box: { x, y, width: size, height: size },
    keypoints: { rightEye: p, leftEye: p, nose: p, mouth: p, rightEar: p, leftEar: p },
    score: 0.9,
    probabilities: [0, 0, 0, 1, 0, 0, 0],
    top: 'happy',
    quality: { sizePx: size, brightness: 0.5, contrast: 0.2, sharpness: 0.01, rollDeg: 0 },
  };
}

afterEach(() => document.body.replaceChildren());

describe('<resmo-face-overlay>', () => {
  it('keeps boxes on the face when the stage has another aspect ratio than the frame', async () => {
    const stage = document.createElement('div');
    stage.style.cssText = 'position:relative;width:800px;height:300px';
    const el = document.createElement('resmo-face-overlay');
    el.frameWidth = 640;
    el.frameHeight = 480;
    el.faces = [face(320, 240, 80)];
    el.analysed = 0;
    stage.append(el);
    document.body.append(stage);
    await el.updateComplete;
    const rect = el.shadowRoot!.querySelector('rect')!.getBoundingClientRect();
    const stageRect = stage.getBoundingClientRect();
    // "contain": 640×480 fits 300 px high at scale 0.625 (400 px wide), leaving 200 px on each side.
    expect(rect.left - stageRect.left).toBeCloseTo(200 + 320 * 0.625, 0);
    expect(rect.top - stageRect.top).toBeCloseTo(240 * 0.625, 0);
    expect(rect.width).toBeCloseTo(80 * 0.625, 0);
  });

  it('lets the clinician pick another face by click or keyboard', async () => {
    const el = document.createElement('resmo-face-overlay');
    el.faces = [face(10, 10, 100), face(300, 10, 60)];
    el.analysed = 0;
    document.body.append(el);
    await el.updateComplete;
    const picked: number[] = [];
    el.addEventListener('resmo-face-pick', (e) => picked.push(e.detail.index));
    const groups = el.shadowRoot!.querySelectorAll('g');
    expect(groups[0]?.getAttribute('aria-label')).toBe('Face 1, analysed');
    expect(groups[1]?.getAttribute('aria-label')).toBe('Analyse face 2');
    groups[1]?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    groups[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(picked).toEqual([1, 1]);
  });
});
