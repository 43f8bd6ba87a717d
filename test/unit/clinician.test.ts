import { describe, expect, it } from 'vitest';
import { clinicianProblem, loadClinician, saveClinician } from '../../src/platform/clinician';

function memory(initial: string | null = null) {
  let value = initial;
  return {
    getItem: () => value,
    setItem: (_key: string, v: string) => void (value = v),
    removeItem: () => void (value = null),
  };
}

const LICENCE = { system: 'urn:oid:2.16.484.101.1', value: '1234567' };

describe('clinician details for health record exports', () => {
  it('are absent until saved, kept, and forgotten', () => {
    const storage = memory();
    expect(loadClinician(storage)).toBeNull();
    saveClinician({ name: 'Dra. Ana López', identifier: LICENCE }, storage);
    expect(loadClinician(storage)).toEqual({ name: 'Dra. Ana López', identifier: LICENCE });
    saveClinician({ name: 'Dra. Ana López', identifier: null }, storage);
    expect(loadClinician(storage)).toEqual({ name: 'Dra. Ana López', identifier: null });
    saveClinician(null, storage);
    expect(loadClinician(storage)).toBeNull();
  });

  it('name the field that is wrong and refuse to save it', () => {
    expect(clinicianProblem({ name: '', identifier: null })).toBe('name');
    expect(clinicianProblem({ name: '<b>x</b>', identifier: null })).toBe('name');
    expect(clinicianProblem({ name: 'A', identifier: { system: 'licence', value: '1' } })).toBe('system');
    expect(clinicianProblem({ name: 'A', identifier: { system: LICENCE.system, value: '' } })).toBe('value');
    expect(() => saveClinician({ name: 'A', identifier: { system: 'x', value: '1' } }, memory())).toThrow();
  });

  it('ignore a damaged or tampered entry', () => {
    expect(loadClinician(memory('{not json'))).toBeNull();
    expect(loadClinician(memory('{"name":"<script>"}'))).toBeNull();
    expect(loadClinician(memory('{"name":"A","identifier":{"system":1}}'))).toEqual({ name: 'A', identifier: null });
  });
});
