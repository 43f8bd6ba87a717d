/**
 * A "video call" to capture: a page that plays a 2×2 gallery of FER2013 faces in their own rooms
 * (the design of call-tiles.ts), each face drifting and breathing a little as people on a call
 * do. The page is served on 127.0.0.1 from memory; the faces are read from ../shared at test time.
 * `window.reshuffle(order)` moves people to other tiles; `window.freeze(k)` freezes tile k until `window.unfreeze(k)`.
 */
import { createServer, type Server } from 'node:http';
import { ROOMS, galleryTiles } from './call-tiles';
import { ferFace, type FerSplit } from './scenes';

export interface CallPage {
  url: string;
  close(): Promise<void>;
}

export const CALL_TITLE = 'Resmo test call';

/** Share of the tile height the face's 48×48 square covers: faces of about 100 px in 1280×720. */
export const FACE_SHARE = 0.3;

function pageScript(): string {
  return `
const canvas = document.querySelector('canvas');
const ctx = canvas.getContext('2d');
const faces = DATA.faces.map((pixels) => {
  const c = new OffscreenCanvas(48, 48);
  const img = new ImageData(48, 48);
  pixels.forEach((g, i) => img.data.set([g, g, g, 255], i * 4));
  c.getContext('2d').putImageData(img, 0, 0);
  return c;
});
let order = DATA.faces.map((_, k) => k);
const frozen = new Map();
window.reshuffle = (next) => { order = next; };
window.freeze = (tile) => { frozen.set(tile, null); };
window.unfreeze = (tile) => { frozen.delete(tile); };
function drawTile(k, t) {
  const tile = DATA.tiles[k];
  const person = order[k];
  const [top, bottom, shelf] = DATA.rooms[person];
  const g = ctx.createLinearGradient(0, tile.y, 0, tile.y + tile.height);
  g.addColorStop(0, 'rgb(' + top + ')');
  g.addColorStop(1, 'rgb(' + bottom + ')');
  ctx.fillStyle = g;
  ctx.fillRect(tile.x, tile.y, tile.width, tile.height);
  ctx.fillStyle = 'rgb(' + shelf + ')';
  ctx.fillRect(tile.x, tile.y + tile.height * 0.2, tile.width * 0.3, tile.height * 0.05);
  const size = tile.height * DATA.faceShare * (1 + 0.03 * Math.sin(t * 1.7 + person));
  const cx = tile.x + tile.width / 2 + 6 * Math.sin(t * 1.3 + person);
  const cy = tile.y + tile.height * 0.45 + 4 * Math.cos(t * 0.9 + person);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(faces[person], cx - size / 2, cy - size / 2, size, size);
}
function frame() {
  const t = performance.now() / 1000;
  ctx.fillStyle = '#1e1e22';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  DATA.tiles.forEach((tile, k) => {
    const still = frozen.get(k);
    if (still) ctx.putImageData(still, tile.x, tile.y);
    else {
      drawTile(k, t);
      if (frozen.has(k)) frozen.set(k, ctx.getImageData(tile.x, tile.y, tile.width, tile.height));
    }
  });
}
setInterval(frame, 1000 / 24);
`;
}

/** Serves the call with `people` (FER2013 indexes) in the tiles, in order. */
export async function startCallPage(split: FerSplit, people: number[], width = 1280, height = 720): Promise<CallPage> {
  const tiles = galleryTiles(width, height).map((t) => ({
    x: Math.round(t.x),
    y: Math.round(t.y),
    width: Math.round(t.width),
    height: Math.round(t.height),
  }));
  const data = {
    faces: people.map((index) => [...ferFace(split, index)]),
    rooms: ROOMS.map((room) => room.map((c) => c.join(','))),
    tiles: tiles.slice(0, people.length),
    faceShare: FACE_SHARE,
  };
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${CALL_TITLE}</title>
<style>html,body{margin:0;background:#1e1e22;overflow:hidden}canvas{display:block}</style></head>
<body><canvas width="${width}" height="${height}"></canvas>
<script>const DATA = ${JSON.stringify(data)};${pageScript()}</script></body></html>`;
  const server: Server = createServer((_, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
