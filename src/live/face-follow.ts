/**
 * Keeps the face the clinician tapped in a call gallery, frame after frame. A face is the same
 * person when it is close to where the patient was and looks alike (continuity), or, after the
 * tiles moved or the speaker view switched, when it looks clearly more like the patient than
 * anyone else does (re-acquisition). When neither holds, the patient is missing; after
 * `lostAfterMs` the follower says so rather than take whoever is nearest.
 */
import type { Box } from '../shared/protocol.js';

/** What the follower reads of a face: the worker's box and appearance signature. */
export interface FollowedFace {
  box: Box;
  signature?: readonly number[];
}

export interface FollowLimits {
  /** Between two readings, the centre may move this many box sides and still be the same face. */
  maxStep: number;
  /** Nor may the box side change by more than this factor. */
  maxScale: number;
  /** Readings further apart than this cannot be joined by position alone. */
  maxGapMs: number;
  /** Likeness (signature dot product) a nearby face needs to be the same person. */
  minNearLikeness: number;
  /** Likeness a face anywhere needs to be taken as the patient found again. */
  minFarLikeness: number;
  /** The patient's match must be this much more alike than the next face, or it is ambiguous. */
  minMargin: number;
  /** Missing for this long, the patient counts as lost and the clinician is asked again. */
  lostAfterMs: number;
}

/**
 * Likeness thresholds from the signatures of FER2013 faces on call-like tiles (test/unit/
 * face-follow.test.ts measures them): the same participant in a moved or resized tile scores above
 * 0.9, two participants on different backgrounds below 0.6.
 */
export const FOLLOW_LIMITS: FollowLimits = {
  maxStep: 0.6,
  maxScale: 1.5,
  maxGapMs: 600,
  minNearLikeness: 0.6,
  minFarLikeness: 0.8,
  minMargin: 0.1,
  lostAfterMs: 1500,
};

export type FollowStatus = 'unchosen' | 'following' | 'searching' | 'lost';

export interface FollowReading {
  status: FollowStatus;
  /** Index of the patient among this frame's faces, when following. */
  index: number | null;
  /** Indexes of faces the clinician asked to ignore. */
  ignored: number[];
}

/** Dot product of two unit signatures; 1 when either is missing, so that position alone decides. */
export function likeness(a: readonly number[] | undefined, b: readonly number[] | undefined): number {
  if (a === undefined || b === undefined || a.length !== b.length || a.length === 0) return 1;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}

const side = (b: Box): number => Math.max(b.width, b.height);
const centre = (b: Box): [number, number] => [b.x + b.width / 2, b.y + b.height / 2];

/** Whether `now` is where a face last seen at `before` could have moved to between two readings. */
export function nearby(before: Box, now: Box, limits: FollowLimits = FOLLOW_LIMITS): boolean {
  const [x0, y0] = centre(before);
  const [x1, y1] = centre(now);
  const scale = side(now) / Math.max(1, side(before));
  return Math.hypot(x1 - x0, y1 - y0) <= limits.maxStep * side(before) && Math.max(scale, 1 / scale) <= limits.maxScale;
}

/** One followed person: where they were last seen and what they look like. */
export class Track {
  private lastSeen: number;

  constructor(
    public box: Box,
    private readonly look: readonly number[] | undefined,
    now: number,
    private readonly limits: FollowLimits = FOLLOW_LIMITS,
  ) {
    this.lastSeen = now;
  }

  static of(face: FollowedFace, now: number, limits?: FollowLimits): Track {
    return new Track(face.box, face.signature, now, limits);
  }

  /** Index of this person among `faces` (skipping `taken`), or null when absent or ambiguous. */
  find(faces: readonly FollowedFace[], now: number, taken: ReadonlySet<number> = new Set()): number | null {
    const scored = faces
      .map((f, i) => ({ i, like: likeness(this.look, f.signature), near: nearby(this.box, f.box, this.limits) }))
      .filter(({ i }) => !taken.has(i))
      .sort((a, b) => b.like - a.like);
    const recent = now - this.lastSeen <= this.limits.maxGapMs;
    const near = scored.filter((s) => s.near && recent && s.like >= this.limits.minNearLikeness);
    const known = (s: { i: number }): boolean => this.look !== undefined && faces[s.i]?.signature !== undefined;
    const far = scored.filter((s) => known(s) && s.like >= this.limits.minFarLikeness);
    const pool = near.length > 0 ? near : far;
    const [best, next] = pool;
    if (best === undefined) return null;
    const rival = near.length > 0 ? next : scored.find((s) => s !== best);
    if (rival !== undefined && best.like - rival.like < this.limits.minMargin && this.look !== undefined) return null;
    return best.i;
  }

  seen(face: FollowedFace, now: number): void {
    this.box = face.box;
    this.lastSeen = now;
  }

  missingFor(now: number): number {
    return now - this.lastSeen;
  }
}

/** The patient chosen by a tap, and the faces the clinician asked to ignore (their own self-view). */
export class FaceFollower {
  private patient: Track | null = null;
  private ignoredTracks: Track[] = [];

  constructor(private readonly limits: FollowLimits = FOLLOW_LIMITS) {}

  get chosen(): boolean {
    return this.patient !== null;
  }

  choose(face: FollowedFace, now: number): void {
    this.patient = Track.of(face, now, this.limits);
    this.ignoredTracks = this.ignoredTracks.filter((t) => t.find([face], now) === null);
  }

  ignore(face: FollowedFace, now: number): void {
    if (this.patient?.find([face], now) !== null) this.patient = null;
    this.ignoredTracks.push(Track.of(face, now, this.limits));
  }

  /** Forgets the patient and the ignored faces: a new call, or the clinician starts over. */
  clear(): void {
    this.patient = null;
    this.ignoredTracks = [];
  }

  update(faces: readonly FollowedFace[], now: number): FollowReading {
    const taken = new Set<number>();
    for (const track of this.ignoredTracks) {
      const i = track.find(faces, now, taken);
      const face = i === null ? undefined : faces[i];
      if (i !== null && face !== undefined) {
        taken.add(i);
        track.seen(face, now);
      }
    }
    const ignored = [...taken];
    if (this.patient === null) return { status: 'unchosen', index: null, ignored };
    const index = this.patient.find(faces, now, taken);
    const face = index === null ? undefined : faces[index];
    if (index === null || face === undefined) {
      const lost = this.patient.missingFor(now) >= this.limits.lostAfterMs;
      return { status: lost ? 'lost' : 'searching', index: null, ignored };
    }
    this.patient.seen(face, now);
    return { status: 'following', index, ignored };
  }
}

/** The face under a tap at `point` (frame pixels): the smallest box that contains it, else none. */
export function faceAt(faces: readonly FollowedFace[], x: number, y: number): number | null {
  let found: number | null = null;
  faces.forEach((f, i) => {
    const inside = x >= f.box.x && x <= f.box.x + f.box.width && y >= f.box.y && y <= f.box.y + f.box.height;
    const smaller = found === null || side(f.box) < side(faces[found]?.box ?? f.box);
    if (inside && smaller) found = i;
  });
  return found;
}
