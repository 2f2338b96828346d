// Face analysis over a plate's frames: detect once, then follow the face with the mesh on the crop the
// previous frame implies (re-detect when the mesh loses it), smoothing the landmarks with a One Euro filter.
import type { Raster } from '../../plates/png';
import { detectFace } from './detect';
import { boxFromMesh, refineMesh, runMesh, type FaceBox } from './mesh';
import { DEFAULT_ONE_EURO, OneEuro, type OneEuroOptions } from './oneEuro';
import type { ModelRunner } from './runner';

export interface TrackedFrame {
  /** smoothed landmarks, plate pixels */
  points: Float32Array;
  /** raw landmarks as the model gave them */
  raw: Float32Array;
  score: number;
  redetected: boolean;
}

export class FaceNotFoundError extends Error {}

export class FaceTracker {
  private box: FaceBox | null = null;
  private readonly smoother: OneEuro;

  constructor(
    private readonly runner: ModelRunner,
    private readonly fps: number,
    smoothing: OneEuroOptions | null = DEFAULT_ONE_EURO,
    private readonly minScore = 0.5,
  ) {
    this.smoother = new OneEuro(smoothing ?? { minCutoff: 1e6, beta: 0, dCutoff: 1 });
  }

  async next(frame: Raster): Promise<TrackedFrame> {
    let redetected = false;
    let mesh = this.box ? await runMesh(this.runner, frame, this.box) : null;
    if (!mesh || mesh.score < this.minScore) {
      const det = await detectFace(this.runner, frame);
      if (!det) throw new FaceNotFoundError('no face found in the plate: the detector saw none above its confidence threshold');
      mesh = await refineMesh(this.runner, frame, det.box, 2);
      redetected = true;
      if (mesh.score < this.minScore) throw new FaceNotFoundError(`a face was detected but the landmark model is unsure of it (${mesh.score.toFixed(2)})`);
      this.smoother.reset();
    }
    this.box = boxFromMesh(mesh.points);
    const points = this.smoother.filter(mesh.points, 1 / this.fps, this.box.side);
    return { points, raw: mesh.points, score: mesh.score, redetected };
  }
}
