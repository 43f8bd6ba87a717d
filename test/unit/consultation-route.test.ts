import { describe, expect, it } from 'vitest';
import { consultationHash, parseRoute } from '../../src/controllers/router-controller';

describe('consultation addresses', () => {
  it('keeps the chosen patient in the address, and starts the camera only with /start', () => {
    expect(parseRoute('#/consultation')).toEqual({ view: 'consultation', patientId: '', start: false });
    expect(parseRoute('#/consultation/p%2F1')).toEqual({ view: 'consultation', patientId: 'p/1', start: false });
    expect(parseRoute('#/consultation/p1/start')).toEqual({ view: 'consultation', patientId: 'p1', start: true });
    expect(parseRoute('')).toEqual({ view: 'consultation', patientId: '', start: false });
    expect(parseRoute('#/nowhere/p1')).toEqual({ view: 'consultation', patientId: '', start: false });
  });

  it('writes the address that parses back to the same patient', () => {
    expect(consultationHash('')).toBe('#/consultation');
    expect(parseRoute(consultationHash('p/1', true))).toEqual({ view: 'consultation', patientId: 'p/1', start: true });
    expect(parseRoute(consultationHash('p 1'))).toEqual({ view: 'consultation', patientId: 'p 1', start: false });
  });
});
