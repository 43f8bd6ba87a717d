import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenTimeoutError, openWithTimeout, type OpenAttempt } from '../../src/storage/open-timeout';

const never = () => new Promise<string>(() => undefined);
const later = (ms: number, value: string) => new Promise<string>((resolve) => setTimeout(() => resolve(value), ms));

describe('openWithTimeout', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('gives the answer of an attempt that answers in time, trying once', async () => {
    const attempt = vi.fn<OpenAttempt<string>>(() => later(500, 'db'));
    const opened = openWithTimeout(attempt, { timeoutMs: 1000, attempts: 2 });
    await vi.advanceTimersByTimeAsync(500);
    await expect(opened).resolves.toBe('db');
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('retries a silent attempt once, then fails with OpenTimeoutError', async () => {
    const attempt = vi.fn<OpenAttempt<string>>(never);
    const opened = openWithTimeout(attempt, { timeoutMs: 1000, attempts: 2 });
    const outcome = opened.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await outcome).toBeInstanceOf(OpenTimeoutError);
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('takes the retry when it answers, and hands the first attempt’s late answer over to be closed', async () => {
    const late = vi.fn();
    let calls = 0;
    const attempt: OpenAttempt<string> = () => (++calls === 1 ? later(1500, 'first') : later(100, 'second'));
    const opened = openWithTimeout(attempt, { timeoutMs: 1000, attempts: 2, late });
    await vi.advanceTimersByTimeAsync(1100);
    await expect(opened).resolves.toBe('second');
    await vi.advanceTimersByTimeAsync(400);
    expect(late).toHaveBeenCalledWith('first');
  });

  it('sets no limit once the attempt shows it is alive (a long upgrade is progress)', async () => {
    const attempt: OpenAttempt<string> = (alive) => {
      setTimeout(alive, 200);
      return later(60_000, 'upgraded');
    };
    const opened = openWithTimeout(attempt, { timeoutMs: 1000, attempts: 2 });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(opened).resolves.toBe('upgraded');
  });

  it('passes other failures through without retrying', async () => {
    const attempt = vi.fn<OpenAttempt<string>>(() => Promise.reject(new DOMException('no', 'VersionError')));
    await expect(openWithTimeout(attempt, { timeoutMs: 1000, attempts: 2 })).rejects.toThrow('no');
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
