// What a video plate shows at a scene frame: its own frame (timing.ts), with the de-aged patch of the
// topmost finished, visible de-age layer drawn over it when that layer's range covers the frame. Each
// mounted video plate owns one "screen": a 2D canvas at plate size behind a three.js texture that the
// viewport and the offscreen frame renderer both sample. Requests are latest-wins (playback never queues
// a backlog of decodes); `seekPlateFrame` / `seekPlates` wait until the exact frame is on the screen, so a
// renderer can await them and then draw.
import * as THREE from 'three';
import type { Plate, Project, SceneObject } from '../../core/document';
import { exactFps } from '../../core/timeline';
import { projectStore } from '../../store/projectStore';
import { clipOf } from '../../effects/plates/clipCache';
import { layerFrameAt, plateFrameAt } from '../../effects/plates/timing';
import { drawOutputFrame } from '../../effects/deage/patchFrames';
import { registerTestHook } from '../../testHook';

export interface ScreenRequest {
  key: string;
  plateHash: string;
  plateFrame: number;
  /** the layer output drawn over the plate frame, and which of its frames */
  overlay: { hash: string; frame: number } | null;
}

/** The layer over a plate at a plate frame: the last finished, visible effect layer on it whose range covers the frame. */
export function overlayAt(objects: Record<string, SceneObject>, plateId: string, plateFrame: number): { hash: string; frame: number } | null {
  let hit: { hash: string; frame: number } | null = null;
  for (const o of Object.values(objects)) {
    if (o.type !== 'effectLayer' || !o.visible || o.status !== 'done' || !o.output || !o.targetIds.includes(plateId)) continue;
    const f = layerFrameAt(o.frameRange, plateFrame);
    if (f !== null) hit = { hash: o.output.assetId, frame: f };
  }
  return hit;
}

export function requestAt(project: Project, sceneId: string, plate: Plate, sceneFrame: number): ScreenRequest {
  const objects = project.scenes[sceneId]?.objects ?? {};
  const plateFrame = plateFrameAt(plate, sceneFrame, exactFps(project.settings.fps));
  const overlay = overlayAt(objects, plate.id, plateFrame);
  return { key: `${plate.assetId}:${plateFrame}:${overlay ? `${overlay.hash}:${overlay.frame}` : '-'}`, plateHash: plate.assetId, plateFrame, overlay };
}

export class PlateScreen {
  readonly canvas: OffscreenCanvas;
  readonly texture: THREE.CanvasTexture;
  private readonly g: OffscreenCanvasRenderingContext2D;
  /** what is on the canvas, and what was asked for last */
  shownKey = '';
  wantKey = '';
  /** the last request's failure, for the UI and tests */
  error: string | null = null;
  /** renders holding the picture: the viewport does not re-request while > 0 */
  holds = 0;
  private want: ScreenRequest | null = null;
  private pumping = false;
  private readonly waiters = new Set<() => void>();

  constructor(readonly width: number, readonly height: number) {
    this.canvas = new OffscreenCanvas(width, height);
    const g = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!g) throw new Error('this browser gives no 2D canvas for plates');
    this.g = g;
    this.texture = new THREE.CanvasTexture(this.canvas as unknown as HTMLCanvasElement);
    this.texture.colorSpace = THREE.SRGBColorSpace;
  }

  /** Shows `req` (latest wins); resolves when the screen shows the latest request. */
  show(req: ScreenRequest): Promise<void> {
    this.wantKey = req.key;
    this.want = req;
    const done = new Promise<void>((resolve) => {
      if (this.shownKey === req.key && !this.pumping) return resolve();
      this.waiters.add(resolve);
    });
    if (!this.pumping) void this.pump();
    return done;
  }

  private async pump() {
    this.pumping = true;
    try {
      while (this.want && this.want.key !== this.shownKey) {
        const r = this.want;
        try {
          const clip = await clipOf(r.plateHash);
          const frame = await clip.bitmap(r.plateFrame);
          // both awaited before drawing, so a half-drawn frame never reaches a render
          this.g.drawImage(frame, 0, 0, this.width, this.height);
          if (r.overlay) await drawOutputFrame(this.g, r.overlay.hash, r.overlay.frame);
          this.error = null;
        } catch (e) {
          this.error = (e as Error).message;
        }
        this.shownKey = r.key;
        this.texture.needsUpdate = true;
      }
    } finally {
      this.pumping = false;
      for (const w of this.waiters) w();
      this.waiters.clear();
    }
  }

  /** The pixels on screen now (RGBA, top row first), for tests. */
  pixels(): Uint8ClampedArray {
    return this.g.getImageData(0, 0, this.width, this.height).data;
  }

  dispose(): void {
    this.texture.dispose();
  }
}

/** Mounted video plates by plate id (the viewport's PlateObject registers them). */
export const plateScreens = new Map<string, { plate: Plate; screen: PlateScreen }>();

async function held(screen: PlateScreen, req: ScreenRequest): Promise<void> {
  screen.holds++;
  try {
    await screen.show(req);
  } finally {
    // released after the caller's synchronous render (which runs in the microtasks right after this)
    setTimeout(() => screen.holds--, 0);
  }
}

/** Puts frame `sceneFrame` of the open scene on plate `plateId`'s screen; resolves when it is there. */
export async function seekPlateFrame(plateId: string, sceneFrame: number): Promise<void> {
  const entry = plateScreens.get(plateId);
  if (!entry) return;
  const { project, activeSceneId } = projectStore.getState();
  const plate = project.scenes[activeSceneId]?.objects[plateId];
  if (plate?.type !== 'plate') return;
  await held(entry.screen, requestAt(project, activeSceneId, plate, sceneFrame));
}

/** Every mounted video plate of `sceneId` at `sceneFrame` (what a render of that frame must wait for). */
export async function seekPlates(project: Project, sceneId: string, sceneFrame: number): Promise<void> {
  const objects = project.scenes[sceneId]?.objects ?? {};
  const jobs: Promise<void>[] = [];
  for (const [id, { screen }] of plateScreens) {
    const plate = objects[id];
    if (plate?.type === 'plate' && plate.mediaKind === 'video') jobs.push(held(screen, requestAt(project, sceneId, plate, sceneFrame)));
  }
  await Promise.all(jobs);
}

registerTestHook('plates', { screens: plateScreens, seekPlateFrame, seekPlates, requestAt });
