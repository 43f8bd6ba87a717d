import { describe, expect, it } from 'vitest';
import { answerFirst } from '../../src/worker/gpu-kind';

describe('the backend that answers first', () => {
  it('is WASM, with nothing to measure after, where there is no real GPU', () => {
    expect(answerFirst({ webgpu: 'none', webgl: 'none' })).toEqual({ first: 'wasm', others: [] });
    expect(answerFirst({ webgpu: 'software', webgl: 'software' })).toEqual({ first: 'wasm', others: [] });
  });

  it('is a real GPU, WebGPU before WebGL, with the rest and WASM measured after', () => {
    expect(answerFirst({ webgpu: 'hardware', webgl: 'hardware' })).toEqual({
      first: 'webgpu',
      others: ['webgl', 'wasm'],
    });
    expect(answerFirst({ webgpu: 'software', webgl: 'hardware' })).toEqual({ first: 'webgl', others: ['wasm'] });
    expect(answerFirst({ webgpu: 'hardware', webgl: 'software' })).toEqual({ first: 'webgpu', others: ['wasm'] });
  });
});
