import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import '../../src/components/consultation/resmo-session-controls';
import type { ResmoSessionControls } from '../../src/components/consultation/resmo-session-controls';
import { SessionRecorder } from '../../src/controllers/session-recorder';
import { closeDatabase, createPatient, listMarkers, type Patient } from '../../src/storage/index';

/** A host that hands the recorder's state to the controls, as the consultation screen does. */
function mountControls(): { controls: ResmoSessionControls; recorder: SessionRecorder } {
  const controls = document.createElement('resmo-session-controls');
  const host: ReactiveControllerHost = {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => (controls.state = recorder.state),
    updateComplete: Promise.resolve(true),
  };
  const recorder = new SessionRecorder(host);
  controls.recorder = recorder;
  document.body.append(controls);
  return { controls, recorder };
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
  expect(await check()).toBe(true);
}

const root = (controls: ResmoSessionControls) => controls.shadowRoot!;

let patient: Patient;

beforeEach(async () => {
  await closeDatabase();
  await new Promise((resolve) => (indexedDB.deleteDatabase('resmo').onsuccess = resolve));
  patient = await createPatient({ code: 'P-TEST01' });
});

afterEach(() => document.body.replaceChildren());

describe('<resmo-session-controls>', () => {
  it('starts for the chosen patient, marks with the M key and with a labelled button, and stops', async () => {
    const { controls, recorder } = mountControls();
    const picker = () => root(controls).querySelector('resmo-patient-picker')?.shadowRoot?.querySelector('select');
    await until(() => !!picker());
    picker()!.value = patient.id;
    picker()!.dispatchEvent(new Event('change'));
    await controls.updateComplete;
    root(controls).querySelector<HTMLButtonElement>('button.start')!.click();
    await until(() => recorder.state.status === 'recording');
    await controls.updateComplete;
    const sessionId = recorder.session!.id;

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true, composed: true }));
    await until(async () => (await listMarkers(sessionId)).length === 1);

    const label = root(controls).querySelector<HTMLInputElement>('input[name="marker-label"]')!;
    label.value = 'talked about work';
    label.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await until(async () => (await listMarkers(sessionId)).length === 2);
    expect((await listMarkers(sessionId)).map((m) => m.label).sort()).toEqual(['', 'talked about work']);

    root(controls).querySelector<HTMLButtonElement>('button.stop')!.click();
    await until(() => recorder.state.status === 'idle');
    await controls.updateComplete;
    expect(root(controls).querySelector(`a[href="#/sessions/${sessionId}"]`)).not.toBeNull();
  });

  it('does not mark when M is typed into a text field', async () => {
    const { controls, recorder } = mountControls();
    await recorder.start(patient.id);
    await controls.updateComplete;
    const label = root(controls).querySelector<HTMLInputElement>('input[name="marker-label"]')!;
    label.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 100));
    expect(await listMarkers(recorder.session!.id)).toEqual([]);
    await recorder.stop();
  });
});
