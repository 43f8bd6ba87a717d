import { describe, expect, it } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  WorkerClient,
  type InferenceFrame,
  type WorkerClientOptions,
  type WorkerLike,
} from '../../src/controllers/worker-client';
import { BACKEND_CHOICE_KEY } from '../../src/platform/backend-choice';
import type { FrameResult, WorkerMessage, WorkerRequest } from '../../src/shared/protocol';

class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  terminated = false;
  private listeners = new Map<string, ((event: never) => void)[]>();

  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  reply(message: WorkerMessage): void {
    for (const l of this.listeners.get('message') ?? []) l({ data: message } as never);
  }
  crash(): void {
    for (const l of this.listeners.get('error') ?? [])
      l({ type: 'error', message: 'boom', preventDefault() {} } as never);
  }
  frames(): Extract<WorkerRequest, { type: 'frame' }>[] {
    return this.sent.filter((m): m is Extract<WorkerRequest, { type: 'frame' }> => m.type === 'frame');
  }
}

class Host implements ReactiveControllerHost {
  updates = 0;
  addController(_: ReactiveController): void {}
  removeController(_: ReactiveController): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

function frame(): InferenceFrame & { closed: boolean } {
  const f = { closed: false, close: () => void (f.closed = true) };
  return f as unknown as InferenceFrame & { closed: boolean };
}

const result: FrameResult = {
  faces: [],
  frameWidth: 640,
  frameHeight: 480,
  timings: { decode: 1, detect: 2, crop: 1, classify: 3, total: 7 },
  backend: 'wasm',
  numTensors: 10,
};

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function setup(storage = memoryStorage(), watchGpu?: WorkerClientOptions['watchGpu']) {
  const workers: FakeWorker[] = [];
  const host = new Host();
  const controller = new WorkerClient(host, {
    watchGpu,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    models: { detector: 'd', classifier: 'c' },
    storage,
  });
  return { controller, workers, host, storage };
}

const ready: WorkerMessage = {
  type: 'ready',
  backend: 'wasm',
  reason: 'measured',
  probes: [{ backend: 'wasm', ok: true, msPerFrame: 4, software: false }],
  fingerprint: 'build-1',
  modelVersion: '1',
};

describe('WorkerClient', () => {
  it('starts the worker with an init request carrying the preference and the remembered choice', () => {
    const storage = memoryStorage();
    storage.setItem(BACKEND_CHOICE_KEY, JSON.stringify({ fingerprint: 'f', backend: 'webgl', probes: [] }));
    const { controller, workers } = setup(storage);
    controller.setBackend('wasm');
    controller.start();
    expect(workers[0]?.sent[0]).toEqual({
      type: 'init',
      models: { detector: 'd', classifier: 'c' },
      preference: 'wasm',
      remembered: { fingerprint: 'f', backend: 'webgl', probes: [] },
      maxFaces: 4,
    });
    expect(workers[0]?.sent[1]).toEqual({ type: 'set-mirror', mirror: true });
    expect(controller.status).toBe('loading');
  });

  it('tells the worker when mirror averaging is turned off, and tells a restarted worker too', () => {
    const { controller, workers } = setup();
    controller.start();
    controller.setMirror(false);
    expect(workers[0]?.sent.at(-1)).toEqual({ type: 'set-mirror', mirror: false });
    (workers[0] as FakeWorker).crash();
    expect(workers[1]?.sent.slice(0, 2).map((m) => m.type)).toEqual(['init', 'set-mirror']);
    expect(workers[1]?.sent[1]).toEqual({ type: 'set-mirror', mirror: false });
  });

  it('sends 1 request for 10 frames offered to a busy worker: the newest, once it is free', () => {
    const { controller, workers } = setup();
    controller.start();
    const worker = workers[0] as FakeWorker;
    worker.reply(ready);
    const first = frame();
    controller.offer(first, 0);
    const offered = Array.from({ length: 10 }, frame);
    offered.forEach((f, i) => controller.offer(f, i + 1));
    expect(worker.frames()).toHaveLength(1);
    worker.reply({ type: 'result', id: 1, timestamp: 0, result });
    const frames = worker.frames();
    expect(frames).toHaveLength(2);
    expect(frames[1]?.frame).toBe(offered[9]);
    expect(frames[1]?.timestamp).toBe(10);
    expect(offered.slice(0, 9).every((f) => f.closed)).toBe(true);
    expect(offered[9]?.closed).toBe(false);
    expect(controller.framesDropped).toBe(9);
    expect(controller.result).toBe(result);
    expect(controller.result?.timings).toEqual(result.timings);
  });

  it('closes frames offered before the worker is ready', () => {
    const { controller, workers } = setup();
    controller.start();
    const f = frame();
    expect(controller.offer(f)).toBe(false);
    expect(f.closed).toBe(true);
    expect(workers[0]?.frames()).toHaveLength(0);
  });

  it('keeps a measured choice for the next session and forgets it after a lost device', () => {
    const { controller, workers, storage } = setup();
    controller.start();
    workers[0]?.reply(ready);
    expect(JSON.parse(storage.getItem(BACKEND_CHOICE_KEY) ?? 'null')).toEqual({
      fingerprint: 'build-1',
      backend: 'wasm',
      probes: [{ backend: 'wasm', ok: true, msPerFrame: 4, software: false }],
    });
    expect(controller.probes).toHaveLength(1);
    workers[0]?.reply({
      type: 'backend-changed',
      from: 'webgpu',
      backend: 'wasm',
      reason: 'device-lost',
      error: { code: 'device-lost', backend: 'webgpu', message: 'gone' },
    });
    expect(controller.fallback?.from).toBe('webgpu');
    expect(storage.getItem(BACKEND_CHOICE_KEY)).toBeNull();
  });

  it('leaves the GPU at once when the page hears the graphics process is lost, a frame in flight', () => {
    const watches: { lose: () => void; disposed: boolean }[] = [];
    const { controller, workers } = setup(memoryStorage(), (onLost) => {
      const watch = { lose: onLost, disposed: false };
      watches.push(watch);
      return { dispose: () => void (watch.disposed = true) };
    });
    controller.start();
    workers[0]?.reply({ ...ready, backend: 'webgl' });
    expect(watches).toHaveLength(1);
    controller.offer(frame());
    expect(workers[0]?.frames()).toHaveLength(1);
    watches[0]?.lose();
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1]?.sent[0]).toMatchObject({ type: 'init', preference: 'wasm' });
    expect(controller.fallback).toMatchObject({ from: 'webgl', backend: 'wasm', reason: 'device-lost' });
    expect(controller.error?.code).toBe('device-lost');
    expect(watches[0]?.disposed).toBe(true);
    workers[1]?.reply(ready);
    expect(controller.status).toBe('ready');
    // Nothing to watch on WebAssembly.
    expect(watches).toHaveLength(1);
  });

  it('surfaces typed errors: a frame error frees the slot, a worker error stops it', () => {
    const { controller, workers } = setup();
    controller.start();
    const worker = workers[0] as FakeWorker;
    worker.reply(ready);
    controller.offer(frame());
    worker.reply({ type: 'error', id: 1, error: { code: 'bad-frame', message: 'empty' } });
    expect(controller.error?.code).toBe('bad-frame');
    expect(controller.idle).toBe(true);
    expect(controller.status).toBe('ready');
    worker.reply({
      type: 'error',
      id: null,
      error: { code: 'model-load-failed', model: 'detector', url: 'd', message: '404' },
    });
    expect(controller.status).toBe('error');
  });

  it('restarts a crashed worker a few times, then reports the crash', () => {
    const { controller, workers } = setup();
    controller.start();
    workers[0]?.reply(ready);
    for (let i = 0; i < 3; i++) workers[i]?.crash();
    expect(workers).toHaveLength(4);
    expect(workers.slice(0, 3).every((w) => w.terminated)).toBe(true);
    expect(workers[3]?.sent[0]?.type).toBe('init');
    expect(controller.status).toBe('loading');
    workers[3]?.crash();
    expect(controller.status).toBe('error');
    expect(controller.error).toEqual({ code: 'worker-crashed', message: 'boom' });
  });

  it('disposes the worker when the host disconnects', () => {
    const { controller, workers } = setup();
    controller.start();
    controller.hostDisconnected();
    expect(workers[0]?.sent.at(-1)).toEqual({ type: 'dispose' });
    expect(controller.status).toBe('stopped');
  });
});
