// Runs pouchdb-server with one fix to its validation plugin (pouchdb-validation 4.2.0): before
// calling validate_doc_update it overwrites the incoming document's `_revisions` with the stored
// one's, so an update that arrives by replication (new_edits=false, as every PouchDB push sends)
// is silently stored as the old revision and dropped. CouchDB 3 does not do this; with the fix,
// this test server accepts replicated updates as CouchDB does. Usage: node this-file <args>.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = require.resolve('pouchdb-validation', { paths: [path.join(root, 'node_modules', 'pouchdb-server')] });
const broken = 'newDoc._revisions = (oldDoc || {})._revisions;';
const source = fs.readFileSync(file, 'utf8');
if (!source.includes(broken)) throw new Error('pouchdb-validation changed: check whether the fix is still needed');
const fixed = new Module(file);
fixed.filename = file;
fixed.paths = Module._nodeModulePaths(path.dirname(file));
fixed._compile(source.replace(broken, 'if (!newDoc._revisions) ' + broken), file);
fixed.loaded = true;
require.cache[file] = fixed;

require(path.join(root, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server'));
