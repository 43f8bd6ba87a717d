import type { Page } from 'playwright-core';
import type { SyncServer } from '../../scripts/sync-server.mjs';

/** Rows a page's store holds of a patient and of the given sessions (samples are rows: one-minute blocks). */
export interface Held {
  patients: number;
  sessions: number;
  samples: number;
  markers: number;
}

export function heldOf(page: Page, patient: { id: string; sessions: { id: string }[] }): Promise<Held> {
  const sessionIds = patient.sessions.map((s) => s.id);
  return page.evaluate(
    async ({ patientId, sessionIds }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('resmo');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['patients', 'sessions', 'samples', 'markers']);
      const count = (request: IDBRequest<number>) =>
        new Promise<number>((resolve) => (request.onsuccess = () => resolve(request.result)));
      const held = {
        patients: await count(tx.objectStore('patients').count(patientId)),
        sessions: 0,
        samples: 0,
        markers: 0,
      };
      for (const id of sessionIds) {
        held.sessions += await count(tx.objectStore('sessions').count(id));
        held.samples += await count(tx.objectStore('samples').count(IDBKeyRange.bound([id, 0], [id, Infinity])));
        held.markers += await count(tx.objectStore('markers').index('by-session').count(id));
      }
      db.close();
      return held;
    },
    { patientId: patient.id, sessionIds },
  );
}

function admin(server: SyncServer): Record<string, string> {
  return { authorization: `Basic ${btoa(server.admin)}`, accept: 'application/json' };
}

/** Every leaf revision the server keeps of a document (deleted ones too), read over HTTP as the admin. */
export async function serverLeaves(server: SyncServer, id: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server.url}/${encodeURIComponent(id)}?open_revs=all`, { headers: admin(server) });
  const rows = (await response.json()) as { ok?: Record<string, unknown> }[];
  return rows.flatMap((row) => (row.ok ? [row.ok] : []));
}

/** Ids of the documents the server holds live (not deleted). */
export async function serverWireIds(server: SyncServer): Promise<string[]> {
  const response = await fetch(`${server.url}/_all_docs`, { headers: admin(server) });
  return ((await response.json()) as { rows: { id: string }[] }).rows.map((row) => row.id);
}
