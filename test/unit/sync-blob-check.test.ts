import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { answerBlobCheck } from '../../src/sync/blob-check';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(`blob-check-${Math.random()}`, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('detect-blob-support');
      req.result.createObjectStore('docs');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('answerBlobCheck', () => {
  it("refuses PouchDB's blob probe at once and leaves every other store alone", async () => {
    answerBlobCheck();
    answerBlobCheck(); // a second sync start patches nothing twice
    const db = await open();
    const tx = db.transaction(['detect-blob-support', 'docs'], 'readwrite');
    expect(() => tx.objectStore('detect-blob-support').put('', 'key')).toThrow(/attachments/);
    tx.objectStore('docs').put({ ok: true }, 'd');
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
    const read = db.transaction('docs').objectStore('docs').get('d');
    await new Promise((resolve) => (read.onsuccess = resolve));
    expect(read.result).toEqual({ ok: true });
  });
});
