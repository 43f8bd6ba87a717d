import type { Page } from 'playwright-core';
import type { Marker, Patient, Sample, Session } from '../../src/storage/index';
import { toSample } from '../../src/storage/samples';
import { toBlocks } from '../../src/storage/sample-blocks';
import { fakeSeconds } from './fake-session';

export interface SeededSession {
  patient: Patient;
  session: Session;
  samples: Sample[];
  markers: Marker[];
}

/** A patient with one synthetic session of `seconds` seconds and a labelled marker every `markerEvery` s. */
export function syntheticSession(
  seconds: number,
  markerEvery: number,
  startedAt = Date.UTC(2026, 10, 2, 8, 0),
): SeededSession {
  const patient: Patient = {
    id: crypto.randomUUID(),
    code: 'P-LONG8H',
    name: '',
    birthDate: null,
    notes: '',
    archived: false,
    createdAt: startedAt - 86_400_000,
    updatedAt: startedAt,
  };
  const id = crypto.randomUUID();
  const session: Session = {
    id,
    patientId: patient.id,
    startedAt,
    endedAt: startedAt + seconds * 1000,
    seconds,
    notes: '',
    updatedAt: startedAt + seconds * 1000,
  };
  const samples = fakeSeconds(seconds, 11).map((input, i) => toSample(id, i, input));
  const markers = Array.from({ length: Math.floor((seconds - 1) / markerEvery) }, (_, i) => ({
    id: crypto.randomUUID(),
    sessionId: id,
    t: ((i + 1) * markerEvery - 7) * 1000,
    label: i % 3 === 0 ? `talked about work, then about the family (${i + 1})` : `topic ${i + 1}`,
  }));
  return { patient, session, samples, markers };
}

/** How the samples are stored: minute blocks (as the app writes now), or one record per second (before). */
export type SampleLayout = 'blocks' | 'seconds';

/**
 * Writes records straight into the app's IndexedDB from outside (the app has created it on its
 * first load), as a device that recorded them would hold them.
 */
export async function seedPageSession(
  page: Page,
  seeded: SeededSession,
  layout: SampleLayout = 'blocks',
): Promise<void> {
  const rows =
    layout === 'seconds'
      ? seeded.samples
      : toBlocks(
          seeded.session.id,
          0,
          seeded.samples.map(({ usable, probabilities, detectorScore }) => ({ usable, probabilities, detectorScore })),
        );
  await page.evaluate(
    async ({ rows, ...data }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('resmo');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['patients', 'sessions', 'samples', 'markers'], 'readwrite');
      tx.objectStore('patients').put(data.patient);
      tx.objectStore('sessions').put(data.session);
      for (const row of rows) tx.objectStore('samples').put(row);
      for (const marker of data.markers) tx.objectStore('markers').put(marker);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { ...seeded, rows },
  );
}
