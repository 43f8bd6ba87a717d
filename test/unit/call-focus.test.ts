import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import type { Box, FaceResult } from '../../src/shared/protocol';

const host = { addController: () => undefined, requestUpdate: () => undefined } as unknown as ReactiveControllerHost;
const face = (x: number, signature: number[]): FaceResult =>
  ({
    box: { x, y: 100, width: 100, height: 100 },
    signature,
    change: 0.05,
    quality: { sizePx: 100, brightness: 0.5, contrast: 0.2, sharpness: 1, rollDeg: 0 },
  }) as unknown as FaceResult;
const PATIENT = [1, 0, 0];
const OTHER = [0, 1, 0];

describe('the call source tells the worker whom to read', () => {
  beforeAll(() => {
    vi.stubGlobal('window', { isSecureContext: true });
    vi.stubGlobal('navigator', { userAgent: 'test', mediaDevices: { getDisplayMedia: () => undefined } });
  });
  afterAll(() => vi.unstubAllGlobals());

  it('focuses on the tapped patient once, lets go when they are missing, and again after a new stream', async () => {
    const { CallSourceController } = await import('../../src/controllers/call-source');
    const sent: (Box | null)[] = [];
    const call = new CallSourceController(host, (box) => sent.push(box));
    const gallery = [face(100, OTHER), face(600, PATIENT)];
    call.select(gallery, 0);
    expect(sent).toEqual([]);
    call.tap(1);
    for (let t = 66; t < 400; t += 66) call.select([face(100, OTHER), face(604, PATIENT)], t);
    expect(sent).toEqual([{ x: 604, y: 100, width: 100, height: 100 }]);
    // Someone else sits where the patient was: the worker reads the whole gallery again.
    call.select([face(604, OTHER)], 450);
    expect(sent.at(-1)).toBeNull();
    call.select([face(100, OTHER), face(900, PATIENT)], 520);
    expect(sent).toHaveLength(3);
    expect(sent.at(-1)).toMatchObject({ x: 900 });
    // Sharing again: the worker forgot the focus, so it is sent once more.
    call.attached();
    call.select([face(100, OTHER), face(904, PATIENT)], 600);
    expect(sent).toHaveLength(4);
    call.forget();
    expect(sent.at(-1)).toBeNull();
  });
});
