import { describe, expect, it } from 'vitest';
import { FaceFollower, faceAt, likeness, type FollowedFace } from '../../src/live/face-follow';
import { FrozenWatch } from '../../src/live/frozen-face';
import type { Box } from '../../src/shared/protocol';
import { appearanceSignature, unitVector } from '../../src/worker/appearance';
import { drawGallery, faceSquare, galleryTiles, ROOMS, type Participant } from '../support/call-tiles';
import { random } from '../support/random';
import { hasFer2013, loadFer2013 } from '../support/scenes';

const rand = random(7);
const look = (): number[] => unitVector(Array.from({ length: 108 }, () => rand()));
/** The same person in another frame: their look plus a little noise (compression, expression). */
const again = (sig: number[]): number[] => unitVector(sig.map((v) => v + (rand() - 0.5) * 0.02));
const box = (x: number, y: number, size = 80): Box => ({ x, y, width: size, height: size });
const face = (b: Box, signature?: number[]): FollowedFace => ({ box: b, signature });

describe('following the chosen face', () => {
  const patient = look();
  const other = look();

  it('keeps the patient while the tile drifts and grows, whatever the order of the faces', () => {
    const follower = new FaceFollower();
    follower.choose(face(box(100, 100), patient), 0);
    for (let f = 1; f <= 30; f++) {
      const p = face(box(100 + 10 * f, 100 + 3 * f, 80 + 2 * f), again(patient));
      const o = face(box(900, 400), again(other));
      const faces = f % 2 === 0 ? [p, o] : [o, p];
      expect(follower.update(faces, f * 66)).toMatchObject({ status: 'following', index: f % 2 === 0 ? 0 : 1 });
    }
  });

  it('does not swap to a second face that crosses the patient', () => {
    const follower = new FaceFollower();
    follower.choose(face(box(400, 300), patient), 0);
    for (let f = 1; f <= 20; f++) {
      const crossing = face(box(300 + 10 * f, 305), again(other));
      const reading = follower.update([crossing, face(box(400, 300), again(patient))], f * 66);
      expect(reading).toMatchObject({ status: 'following', index: 1 });
    }
  });

  it('without signatures, two faces at the patient\u2019s place are ambiguous: it waits, then says it lost the patient', () => {
    const follower = new FaceFollower();
    follower.choose(face(box(400, 300)), 0);
    expect(follower.update([face(box(402, 300)), face(box(398, 301))], 66).status).toBe('following');
    expect(follower.update([face(box(900, 300))], 132)).toMatchObject({ status: 'searching', index: null });
    expect(follower.update([face(box(900, 300))], 2000)).toMatchObject({ status: 'lost', index: null });
  });

  it('says it lost the patient after 1.5 s away, and finds them again by their look elsewhere', () => {
    const follower = new FaceFollower();
    follower.choose(face(box(100, 100), patient), 0);
    expect(follower.update([face(box(900, 400), again(other))], 500).status).toBe('searching');
    expect(follower.update([face(box(900, 400), again(other))], 1600).status).toBe('lost');
    const back = follower.update([face(box(900, 400), again(other)), face(box(600, 50, 200), again(patient))], 3000);
    expect(back).toMatchObject({ status: 'following', index: 1 });
  });

  it('never takes someone else who appears where the patient was', () => {
    const follower = new FaceFollower();
    follower.choose(face(box(100, 100), patient), 0);
    for (let t = 66; t < 3000; t += 66)
      expect(follower.update([face(box(100, 100), again(other))], t).index).toBeNull();
  });

  it('after a reshuffle with two look-alikes, asks rather than guesses', () => {
    const twin = unitVector(patient.map((v) => v + (rand() - 0.5) * 0.05));
    const follower = new FaceFollower();
    follower.choose(face(box(100, 100), patient), 0);
    const reading = follower.update([face(box(700, 100), again(patient)), face(box(100, 500), twin)], 2000);
    expect(likeness(patient, twin)).toBeGreaterThan(0.9);
    expect(reading.status).toBe('lost');
  });

  it('ignores the self-view even when it is the only face left, and un-chooses it if it was the patient', () => {
    const self = look();
    const follower = new FaceFollower();
    follower.choose(face(box(100, 100), self), 0);
    follower.ignore(face(box(100, 100), self), 10);
    expect(follower.chosen).toBe(false);
    follower.choose(face(box(600, 100), patient), 20);
    expect(follower.update([face(box(100, 100), again(self)), face(box(600, 100), again(patient))], 80)).toEqual({
      status: 'following',
      index: 1,
      ignored: [0],
    });
    const alone = follower.update([face(box(300, 300), again(self))], 3000);
    expect(alone).toEqual({ status: 'lost', index: null, ignored: [0] });
  });

  it('a tap picks the smallest face under the finger', () => {
    const faces = [face(box(0, 0, 400)), face(box(100, 100, 50)), face(box(600, 0))];
    expect(faceAt(faces, 120, 120)).toBe(1);
    expect(faceAt(faces, 10, 10)).toBe(0);
    expect(faceAt(faces, 500, 500)).toBeNull();
  });
});

describe('frozen faces', () => {
  it('counts a face frozen only after 2 s of exactly repeated pictures', () => {
    const watch = new FrozenWatch();
    expect(watch.update(0, 0)).toBe(false);
    expect(watch.update(0, 1000)).toBe(false);
    expect(watch.update(0.01, 1500)).toBe(false);
    expect(watch.update(0, 1600)).toBe(false);
    expect(watch.update(0, 3500)).toBe(false);
    expect(watch.update(0, 3600)).toBe(true);
    expect(watch.update(null, 3700)).toBe(false);
  });
});

describe.runIf(hasFer2013())('signatures of FER2013 faces in call tiles', () => {
  const split = loadFer2013('val');
  const people: Participant[] = ROOMS.map((room, k) => ({ index: split.faces[100 + 37 * k] ?? 0, room }));
  const [W, H] = [1280, 720];
  const tiles = galleryTiles(W, H);
  const signatures = (order: Participant[], rects = tiles): number[][] => {
    const pixels = { data: drawGallery(split, order, rects, W, H), width: W, height: H };
    return rects.map((r) => appearanceSignature(pixels, faceSquare(r)));
  };

  it('tell participants apart after a reshuffle and a resize, and the follower keeps the patient', () => {
    const before = signatures(people);
    const shuffled = [people[2], people[0], people[3], people[1]].filter((p) => p !== undefined);
    const after = signatures(shuffled);
    const bigger = galleryTiles(W, H, 40);
    const resized = signatures(shuffled, bigger);
    const same = [likeness(before[0], after[1]), likeness(before[0], resized[1]), likeness(before[2], after[0])];
    const different = before.flatMap((a, i) =>
      after.map((b, j) => (shuffled[j] === people[i] ? null : likeness(a, b))),
    );
    expect(Math.min(...same)).toBeGreaterThan(0.9);
    expect(Math.max(...different.filter((d) => d !== null))).toBeLessThan(0.6);
    const follower = new FaceFollower();
    const faces = (sigs: number[][], rects = tiles): FollowedFace[] =>
      rects.map((r, k) => face(faceSquare(r), sigs[k]));
    follower.choose(faces(before)[0] as FollowedFace, 0);
    follower.ignore(faces(before)[3] as FollowedFace, 0);
    expect(follower.update(faces(before), 66)).toEqual({ status: 'following', index: 0, ignored: [3] });
    expect(follower.update(faces(after), 132)).toEqual({ status: 'following', index: 1, ignored: [2] });
    expect(follower.update(faces(resized, bigger), 198)).toEqual({ status: 'following', index: 1, ignored: [2] });
  });
});
