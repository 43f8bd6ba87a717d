import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/components/consultation/resmo-session-controls';
import type { ResmoSessionControls } from '../../src/components/consultation/resmo-session-controls';
import type { RecorderState } from '../../src/controllers/session-recorder';
import { closeDatabase, createPatient, type Patient, type Session } from '../../src/storage/index';

type Asked = { type: string; detail: unknown };

/** The controls on their own, recording what they ask the screen to do. */
function mountControls(): { controls: ResmoSessionControls; asked: Asked[] } {
  const controls = document.createElement('resmo-session-controls');
  const asked: Asked[] = [];
  for (const type of ['resmo-session-start', 'resmo-marker-add', 'resmo-session-stop'] as const) {
    controls.addEventListener(type, (event) => asked.push({ type, detail: event.detail }));
  }
  document.body.append(controls);
  return { controls, asked };
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
  expect(await check()).toBe(true);
}

const root = (controls: ResmoSessionControls) => controls.shadowRoot!;

let patient: Patient;

function recording(session: Partial<Session> = {}): RecorderState {
  const base: Session = {
    id: 's1',
    patientId: patient.id,
    startedAt: 0,
    endedAt: null,
    seconds: 3,
    notes: '',
    updatedAt: 0,
  };
  return { status: 'recording', session: { ...base, ...session }, markers: 0 };
}

beforeEach(async () => {
  await closeDatabase();
  await new Promise((resolve) => (indexedDB.deleteDatabase('resmo').onsuccess = resolve));
  patient = await createPatient({ code: 'P-TEST01' });
});

afterEach(() => document.body.replaceChildren());

describe('<resmo-session-controls>', () => {
  it('asks to start for the chosen patient, to mark with the M key and a labelled button, and to stop', async () => {
    const { controls, asked } = mountControls();
    const picker = () => root(controls).querySelector('resmo-patient-picker')?.shadowRoot?.querySelector('select');
    await until(() => !!picker());
    picker()!.value = patient.id;
    picker()!.dispatchEvent(new Event('change'));
    await controls.updateComplete;
    root(controls).querySelector<HTMLButtonElement>('button.start')!.click();
    expect(asked).toEqual([{ type: 'resmo-session-start', detail: { patientId: patient.id } }]);

    controls.state = recording();
    await controls.updateComplete;
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true, composed: true }));
    const label = root(controls).querySelector<HTMLInputElement>('input[name="marker-label"]')!;
    label.value = 'talked about work';
    label.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(label.value).toBe('');
    root(controls).querySelector<HTMLButtonElement>('button.stop')!.click();
    expect(asked.slice(1)).toEqual([
      { type: 'resmo-marker-add', detail: { label: '' } },
      { type: 'resmo-marker-add', detail: { label: 'talked about work' } },
      { type: 'resmo-session-stop', detail: null },
    ]);

    controls.state = { status: 'idle' };
    controls.lastSessionId = 's1';
    await controls.updateComplete;
    expect(root(controls).querySelector('a[href="#/sessions/s1"]')).not.toBeNull();
    expect(root(controls).querySelector('.saved')?.textContent).toMatch(/Session saved\.\s+Open its report/);
  });

  it('does not mark when M is typed into a text field, nor when not recording', async () => {
    const { controls, asked } = mountControls();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true, composed: true }));
    controls.state = recording();
    await controls.updateComplete;
    const label = root(controls).querySelector<HTMLInputElement>('input[name="marker-label"]')!;
    label.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true, composed: true }));
    expect(asked).toEqual([]);
  });

  it('shows what went wrong, in the words it is given', async () => {
    const { controls } = mountControls();
    controls.error = 'The device storage is full.';
    await controls.updateComplete;
    expect(root(controls).querySelector('[role="alert"]')?.textContent).toBe('The device storage is full.');
  });
});
