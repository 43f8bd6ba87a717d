// A CouchDB-compatible test server for sync (pouchdb-server), set up as a clinic's CouchDB 3 is:
// an admin, one clinician account, one database with `_security` members and the validation
// document. `npm run sync:server` starts one on 127.0.0.1:5984; tests start their own.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Rejects anything that is not a sealed record, a keyring or a key grant: a client bug cannot upload plaintext. */
export const VALIDATE_DOC_UPDATE = `function (doc, old, user) {
  var b64 = /^[A-Za-z0-9+\\/]*={0,2}$/;
  function refuse(why) { throw { forbidden: 'Only sealed records are accepted: ' + why }; }
  if (doc._deleted) {
    for (var d in doc) if (['_id', '_rev', '_deleted', '_revisions'].indexOf(d) < 0) refuse('a deleted record keeps no fields');
    return;
  }
  function only(keys) {
    for (var k in doc) if (k.charAt(0) !== '_' && keys.indexOf(k) < 0) refuse('field ' + k);
  }
  function within(value, keys, name) {
    if (!value || typeof value !== 'object') refuse(name);
    for (var n in value) if (keys.indexOf(n) < 0) refuse(name + '.' + n);
  }
  function opaque(value, name) { if (typeof value !== 'string' || !b64.test(value)) refuse(name); }
  var v = doc.type === 'keyring' && doc.v === 2 ? 2 : 1;
  if (doc.v !== v || typeof doc.kid !== 'string' || !/^[0-9a-f-]{36}$/.test(doc.kid)) refuse('key id');
  if (doc._id.indexOf(doc.type + ':') !== 0) refuse('id');
  if (doc.type === 'keyring' && v === 2) {
    only(['type', 'v', 'kid', 'kdf', 'wrapped', 'recovery', 'publicKey', 'privateKey', 'name']);
    within(doc.kdf, ['alg', 'm', 't', 'p', 'salt'], 'kdf'); within(doc.recovery, ['salt', 'wrapped'], 'recovery');
    within(doc.privateKey, ['iv', 'ct'], 'privateKey'); within(doc.name, ['iv', 'ct'], 'name');
    opaque(doc.wrapped, 'wrapped'); opaque(doc.kdf && doc.kdf.salt, 'salt'); opaque(doc.publicKey, 'public key');
    opaque(doc.recovery && doc.recovery.wrapped, 'recovery'); opaque(doc.recovery && doc.recovery.salt, 'salt');
    opaque(doc.privateKey && doc.privateKey.iv, 'private key'); opaque(doc.privateKey && doc.privateKey.ct, 'private key');
    opaque(doc.name && doc.name.iv, 'name'); opaque(doc.name && doc.name.ct, 'name');
    return;
  }
  if (doc.type === 'grant') {
    only(['type', 'v', 'kid', 'n', 'epk', 'wrapped']);
    if (typeof doc.n !== 'number' || doc.n % 1 !== 0 || doc.n < 0) refuse('generation');
    opaque(doc.epk, 'epk'); opaque(doc.wrapped, 'wrapped');
    if (old && !old._deleted && old.wrapped !== doc.wrapped) refuse('a clinic key is given once');
    return;
  }
  if (doc.type === 'keyring') {
    only(['type', 'v', 'kid', 'kdf', 'wrapped', 'recovery']);
    opaque(doc.wrapped, 'wrapped'); opaque(doc.kdf && doc.kdf.salt, 'salt');
    opaque(doc.recovery && doc.recovery.wrapped, 'recovery'); opaque(doc.recovery && doc.recovery.salt, 'salt');
    return;
  }
  if (['patient', 'session', 'marker', 'chunk'].indexOf(doc.type) < 0) refuse('type');
  only(['type', 'v', 'kid', 'iv', 'ct']);
  opaque(doc.iv, 'iv'); opaque(doc.ct, 'ct');
  if (doc.iv.length !== 16) refuse('iv');
  if (doc.type === 'chunk' && old && !old._deleted && old.ct !== doc.ct) refuse('a minute of a session is written once');
}`;

async function call(url, method, auth, body) {
  const headers = { 'content-type': 'application/json', authorization: `Basic ${btoa(auth)}` };
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok && response.status !== 412)
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Creates the clinic's database (if needed) with its members and the validation document. */
export async function setUpClinicDatabase(origin, database, admin, members) {
  const db = `${origin}/${database}`;
  await call(db, 'PUT', admin);
  await call(`${db}/_security`, 'PUT', admin, {
    admins: { names: [], roles: [] },
    members: { names: members, roles: [] },
  });
  const current = await fetch(`${db}/_design/resmo`, { headers: { authorization: `Basic ${btoa(admin)}` } });
  const rev = current.ok ? (await current.json())._rev : undefined;
  await call(`${db}/_design/resmo`, 'PUT', admin, {
    ...(rev ? { _rev: rev } : {}),
    validate_doc_update: VALIDATE_DOC_UPDATE,
  });
}

/** Adds (or re-keys) a clinician's account in `_users`. */
export async function putAccount(origin, admin, name, password) {
  const url = `${origin}/_users/org.couchdb.user:${encodeURIComponent(name)}`;
  const current = await fetch(url, { headers: { authorization: `Basic ${btoa(admin)}` } });
  const rev = current.ok ? (await current.json())._rev : undefined;
  await call(url, 'PUT', admin, {
    ...(rev ? { _rev: rev } : {}),
    _id: `org.couchdb.user:${name}`,
    name,
    password,
    roles: [],
    type: 'user',
  });
}

async function waitUntilUp(origin, child) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      if ((await fetch(origin)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('pouchdb-server did not start');
}

/**
 * Starts pouchdb-server on 127.0.0.1:port with a fresh data folder (deleted on close), an admin,
 * CORS for the app and the clinic database `resmo` with the clinician `clinician`.
 */
export async function startSyncServer({
  port,
  dir,
  admin = 'admin:admin-secret',
  clinician = ['clinician', 'clinic-secret'],
}) {
  const data = dir ?? mkdtempSync(join(tmpdir(), 'resmo-sync-'));
  const bin = join(ROOT, 'scripts', 'sync-server-child.mjs');
  const child = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', String(port), '--dir', data], {
    cwd: data,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilUp(origin, child);
  const [adminName, adminPassword] = admin.split(':');
  await fetch(`${origin}/_config/admins/${adminName}`, { method: 'PUT', body: JSON.stringify(adminPassword) });
  for (const [section, key, value] of [
    ['httpd', 'enable_cors', 'true'],
    ['cors', 'origins', '*'],
    ['cors', 'credentials', 'true'],
    ['cors', 'headers', 'accept, authorization, content-type, origin, referer'],
    ['cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'],
  ])
    await call(`${origin}/_config/${section}/${key}`, 'PUT', admin, value);
  await putAccount(origin, admin, clinician[0], clinician[1]);
  await setUpClinicDatabase(origin, 'resmo', admin, [clinician[0]]);
  const close = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (!dir) rmSync(data, { recursive: true, force: true });
  };
  return { origin, url: `${origin}/resmo`, admin, clinician, data, close, pid: child.pid };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5984);
  const server = await startSyncServer({ port });
  console.log(`Sync test server: ${server.url}`);
  console.log(`Account: ${server.clinician[0]}  Password: ${server.clinician[1]}`);
  console.log(`Data folder (deleted on Ctrl+C): ${server.data}`);
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
}
