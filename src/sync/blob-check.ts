/**
 * PouchDB's IndexedDB adapter checks once whether Blobs can be stored, by putting an empty Blob
 * into its `detect-blob-support` store inside the transaction that sets its database up. Where an
 * engine cannot store Blobs in IndexedDB (WebKitGTK 2.50 here; Safari's private windows have
 * refused them too), that put fails, and with the failure handled as PouchDB handles it the
 * transaction then neither completes nor aborts: the outbox never opens and sync waits forever
 * at "Connecting". Resmo stores no attachments, so the check is answered "no" at once, as an
 * engine without Blob storage answers it: the put into that one store throws.
 */
const STORE = 'detect-blob-support';
const PATCHED = Symbol.for('resmo.blobCheckAnswered');

export function answerBlobCheck(proto: IDBObjectStore = IDBObjectStore.prototype): void {
  const marked = proto as IDBObjectStore & { [PATCHED]?: true };
  if (marked[PATCHED]) return;
  const put = proto.put;
  proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey): IDBRequest<IDBValidKey> {
    if (this.name === STORE) throw new DOMException('Resmo stores no attachments.', 'DataCloneError');
    return put.call(this, value, key);
  };
  marked[PATCHED] = true;
}
