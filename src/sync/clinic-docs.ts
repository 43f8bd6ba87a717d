import type { ClinicianKeyring, KeyGrant } from '../storage/index.js';
import { fromBase64, toBase64, wireId } from './wire.js';

/**
 * A clinician's keyring on the server (`keyring:<clinician id>`): only wrapped or sealed bytes,
 * the Argon2id cost and salt, and the public key. `kid` is the data key the name is sealed under.
 */
export interface ClinicianDoc {
  _id: string;
  _rev?: string;
  type: 'keyring';
  v: 2;
  kid: string;
  kdf: { alg: 'argon2id'; m: number; t: number; p: number; salt: string };
  wrapped: string;
  recovery: { salt: string; wrapped: string };
  publicKey: string;
  privateKey: { iv: string; ct: string };
  name: { iv: string; ct: string };
}

/** A clinic data key given to one clinician (`grant:<clinician id>:<kid>`): written once. */
export interface GrantDoc {
  _id: string;
  _rev?: string;
  type: 'grant';
  v: 1;
  kid: string;
  n: number;
  epk: string;
  wrapped: string;
}

const b = toBase64;
const u = fromBase64;

export function toClinicianDoc(k: ClinicianKeyring): ClinicianDoc {
  const { alg, m, t, p, salt } = k.kdf;
  return {
    _id: wireId('keyring', k.clinician),
    type: 'keyring',
    v: 2,
    kid: k.name.kid,
    kdf: { alg, m, t, p, salt: b(salt) },
    wrapped: b(k.wrapped),
    recovery: { salt: b(k.recovery.salt), wrapped: b(k.recovery.wrapped) },
    publicKey: b(k.publicKey),
    privateKey: { iv: b(k.privateKey.iv), ct: b(k.privateKey.ct) },
    name: { iv: b(k.name.iv), ct: b(k.name.ct) },
  };
}

export function fromClinicianDoc(doc: ClinicianDoc): ClinicianKeyring {
  const { alg, m, t, p, salt } = doc.kdf;
  return {
    clinician: doc._id.slice('keyring:'.length),
    kdf: { alg, m, t, p, salt: u(salt) },
    wrapped: u(doc.wrapped),
    recovery: { salt: u(doc.recovery.salt), wrapped: u(doc.recovery.wrapped) },
    publicKey: u(doc.publicKey),
    privateKey: { iv: u(doc.privateKey.iv), ct: u(doc.privateKey.ct) },
    name: { kid: doc.kid, iv: u(doc.name.iv), ct: u(doc.name.ct) },
  };
}

export function toGrantDoc(g: KeyGrant): GrantDoc {
  return {
    _id: `grant:${g.clinician}:${g.kid}`,
    type: 'grant',
    v: 1,
    kid: g.kid,
    n: g.n,
    epk: b(g.epk),
    wrapped: b(g.wrapped),
  };
}

export function fromGrantDoc(doc: GrantDoc): KeyGrant {
  const clinician = doc._id.split(':')[1] ?? '';
  return { clinician, kid: doc.kid, n: doc.n, epk: u(doc.epk), wrapped: u(doc.wrapped) };
}

export function isClinicianDoc(doc: { type?: unknown; v?: unknown }): doc is ClinicianDoc {
  return doc.type === 'keyring' && doc.v === 2;
}

/** The clinic's keyrings and grants as a set of documents (from the server or the outbox). */
export interface ClinicRing {
  clinicians: ClinicianKeyring[];
  grants: KeyGrant[];
  /** The keyring of a clinic that still shares one passphrase (from before keyrings per clinician). */
  shared: { _id: string; _rev?: string }[];
}

export function clinicRingOf(docs: readonly { _id: string; type?: unknown; v?: unknown }[]): ClinicRing {
  const ring: ClinicRing = { clinicians: [], grants: [], shared: [] };
  for (const doc of docs) {
    if (isClinicianDoc(doc)) ring.clinicians.push(fromClinicianDoc(doc));
    else if (doc.type === 'keyring') ring.shared.push(doc);
    else if (doc.type === 'grant') ring.grants.push(fromGrantDoc(doc as GrantDoc));
  }
  return ring;
}
