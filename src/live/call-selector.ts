/**
 * Which face of a call gallery is read, and why none is: the patient the clinician tapped, as
 * long as the follower is sure it is them, their tile is not frozen and their face is big enough.
 */
import type { FaceResult } from '../shared/protocol.js';
import { faceIssues, type QualityIssue } from './face-quality.js';
import { FaceFollower, faceAt, type FollowStatus } from './face-follow.js';
import { FrozenWatch } from './frozen-face.js';

export interface CallSelection {
  face: FaceResult | null;
  index: number;
  status: FollowStatus;
  issues: QualityIssue[];
  /** Indexes of the faces the clinician asked to ignore. */
  ignored: number[];
}

const STATUS_ISSUE: Record<Exclude<FollowStatus, 'following'>, QualityIssue> = {
  unchosen: 'choose-patient',
  searching: 'patient-missing',
  lost: 'patient-lost',
};

export class CallFaceSelector {
  private readonly follower = new FaceFollower();
  private readonly frozen = new FrozenWatch();
  private faces: readonly FaceResult[] = [];

  select(faces: readonly FaceResult[], now: number): CallSelection {
    this.faces = faces;
    const { status, index, ignored } = this.follower.update(faces, now);
    const face = index === null ? null : (faces[index] ?? null);
    if (status !== 'following' || face === null) {
      this.frozen.reset();
      return {
        face: null,
        index: -1,
        status,
        issues: [STATUS_ISSUE[status === 'following' ? 'searching' : status]],
        ignored,
      };
    }
    const frozen = this.frozen.update(face.change, now);
    const issues: QualityIssue[] = [...(frozen ? (['frozen'] as const) : []), ...faceIssues(face.quality)];
    return { face, index: index ?? -1, status, issues, ignored };
  }

  /** The clinician tapped face `index` of the last frame: it is the patient. */
  choose(index: number, now: number): void {
    const face = this.faces[index];
    if (face === undefined) return;
    this.frozen.reset();
    this.follower.choose(face, now);
  }

  /** The clinician asked to ignore face `index` of the last frame (their own view). */
  ignore(index: number, now: number): void {
    const face = this.faces[index];
    if (face !== undefined) this.follower.ignore(face, now);
  }

  /** The face under a point of the frame, for taps that miss the drawn boxes. */
  faceAt(x: number, y: number): number | null {
    return faceAt(this.faces, x, y);
  }

  clear(): void {
    this.follower.clear();
    this.frozen.reset();
  }
}
