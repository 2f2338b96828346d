// Piloting the shot camera while looking through it: the gestures that move the editor's view move the camera
// itself. Drag: orbit round the aim target (or the point in focus); in fly mode drag pans and tilts, W A S D / Q E
// move. Right, middle or Shift-drag: truck and boom. Wheel: dolly. Each gesture (a drag, a run of wheel
// notches, the keys held down) is ONE undo step, and a keyed transform gets its key at the playhead (auto-key).
import { useEffect, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { Camera } from '../../core/document';
import { updateObject } from '../../core/document';
import { aimTargetPoint, autoKey, evaluateScene, toParentSpace, worldPlacement } from '../../core/timeline';
import { forwardVector } from '../../core/lens';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { dollyMove, flyMove, lookMove, orbitMove, truckMove, type Placement } from './pilotMoves';
import { registerTestHook } from '../../testHook';

type Mode = 'orbit' | 'look' | 'truck' | 'dolly' | 'fly';

interface Grip {
  mode: Mode;
  cameraId: string;
  start: Placement;
  pivot: [number, number, number];
  /** metres from the camera to the pivot: scales truck, dolly and fly steps */
  reach: number;
  began: boolean;
}

/** Gesture counters the e2e test reads (how many gestures began and ended). */
export const pilotStats = { gestures: 0, lastMode: '' as Mode | '' };
registerTestHook('pilot', pilotStats);

function grip(mode: Mode): Grip | null {
  const id = editorStore.getState().lookThroughCameraId;
  const { project, activeSceneId } = projectStore.getState();
  if (!id || !project.scenes[activeSceneId]) return null;
  const objects = evaluateScene(project, activeSceneId, playhead.frame).objects;
  const cam = objects[id];
  if (cam?.type !== 'camera') return null;
  const start = worldPlacement(objects, cam);
  const aimed = cam.aim && cam.aim.weight > 0 ? aimTargetPoint(objects, cam.aim.target) : null;
  const f = forwardVector(start.rotation);
  const d = cam.lens.focusDistanceM;
  const pivot = aimed ?? ([start.position[0] + f[0] * d, start.position[1] + f[1] * d, start.position[2] + f[2] * d] as [number, number, number]);
  const reach = Math.max(0.5, Math.hypot(pivot[0] - start.position[0], pivot[1] - start.position[1], pivot[2] - start.position[2]));
  if (mode === 'look' && aimed) editorStore.getState().notify('info', `${cam.name} is aimed: its aim keeps the target centred. Key the aim off to pan and tilt by hand.`);
  return { mode, cameraId: id, start, pivot, reach, began: false };
}

/** Writes the camera at `p` (world) as part of the open gesture, opening it on the first write. */
function write(g: Grip, p: Placement): void {
  const store = projectStore.getState();
  const { project, activeSceneId } = store;
  const objects = evaluateScene(project, activeSceneId, playhead.frame).objects;
  const cam = objects[g.cameraId];
  if (cam?.type !== 'camera') return;
  if (!g.began) {
    g.began = true;
    pilotStats.gestures++;
    pilotStats.lastMode = g.mode;
    store.beginGesture(`${cam.name}: ${g.mode === 'look' ? 'pan and tilt' : g.mode}`);
  }
  const local = toParentSpace(objects, cam.parentId, p.position, p.rotation);
  const edit = updateObject<Camera>(activeSceneId, g.cameraId, (c) => ({ ...c, transform: { ...c.transform, position: local.position, rotation: local.rotation } }));
  projectStore.getState().updateGesture(autoKey(edit, activeSceneId, playhead.frame));
}

function finish(g: Grip | null): void {
  if (g?.began) projectStore.getState().endGesture();
}

export function ShotCameraPilot() {
  const gl = useThree((s) => s.gl);
  const keys = useRef(new Set<string>());
  const fly = useRef<{ g: Grip; travelled: [number, number, number] } | null>(null);

  useEffect(() => {
    const el = gl.domElement;
    let drag: (Grip & { x: number; y: number; pointerId: number }) | null = null;
    let wheel: { g: Grip; metres: number; timer: number } | null = null;

    const down = (e: PointerEvent) => {
      if (drag || e.button > 2) return;
      const truck = e.button === 1 || e.button === 2 || e.shiftKey;
      const mode: Mode = truck ? 'truck' : editorStore.getState().navMode === 'fly' ? 'look' : 'orbit';
      const g = grip(mode);
      if (!g) return;
      drag = { ...g, x: e.clientX, y: e.clientY, pointerId: e.pointerId };
      el.setPointerCapture?.(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointerId) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.began && Math.hypot(dx, dy) < 3) return;
      const h = Math.max(1, el.clientHeight);
      let p: Placement;
      if (drag.mode === 'orbit') p = orbitMove(drag.start, drag.pivot, (-dx / h) * Math.PI, (dy / h) * Math.PI);
      else if (drag.mode === 'look') p = lookMove(drag.start, (dx / h) * 1.2, (dy / h) * 1.2);
      // the point under the hand stays under it at the pivot's distance
      else p = truckMove(drag.start, (-dx / h) * drag.reach, (dy / h) * drag.reach);
      write(drag, p);
    };
    const up = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.pointerId) return;
      el.releasePointerCapture?.(e.pointerId);
      finish(drag);
      drag = null;
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      if (!wheel) {
        const g = grip('dolly');
        if (!g) return;
        wheel = { g, metres: 0, timer: 0 };
      }
      const w = wheel;
      // a notch (100 px) moves a tenth of the way to the pivot; never through it
      w.metres = Math.min(w.g.reach - 0.1, w.metres - (e.deltaY / 100) * 0.1 * w.g.reach);
      write(w.g, dollyMove(w.g.start, w.metres));
      clearTimeout(w.timer);
      // the notches of one turn of the wheel are one gesture
      w.timer = window.setTimeout(() => {
        finish(w.g);
        if (wheel === w) wheel = null;
      }, 500);
    };
    const menu = (e: Event) => e.preventDefault();
    const typing = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
    };
    const FLY_KEYS = new Set(['KeyW', 'KeyA', 'KeyS', 'KeyD', 'KeyQ', 'KeyE', 'ShiftLeft', 'ShiftRight']);
    const kdown = (e: KeyboardEvent) => {
      if (editorStore.getState().navMode !== 'fly' || typing(e) || e.ctrlKey || e.metaKey || !FLY_KEYS.has(e.code)) return;
      keys.current.add(e.code);
    };
    const kup = (e: KeyboardEvent) => {
      keys.current.delete(e.code);
      if (![...keys.current].some((k) => !k.startsWith('Shift')) && fly.current) {
        finish(fly.current.g);
        fly.current = null;
      }
    };
    // one signal takes every listener down with the effect
    const off = new AbortController();
    el.addEventListener('pointerdown', down, { signal: off.signal });
    el.addEventListener('pointermove', move, { signal: off.signal });
    el.addEventListener('pointerup', up, { signal: off.signal });
    el.addEventListener('pointercancel', up, { signal: off.signal });
    el.addEventListener('wheel', onWheel, { passive: false, signal: off.signal });
    el.addEventListener('contextmenu', menu, { signal: off.signal });
    window.addEventListener('keydown', kdown, { signal: off.signal });
    window.addEventListener('keyup', kup, { signal: off.signal });
    return () => {
      off.abort();
      if (drag) finish(drag);
      if (wheel) {
        clearTimeout(wheel.timer);
        finish(wheel.g);
      }
      if (fly.current) finish(fly.current.g);
      fly.current = null;
      keys.current.clear();
    };
  }, [gl]);

  // fly keys: the camera moves while they are held; the whole press is one gesture
  useFrame((_, dt) => {
    const k = keys.current;
    const dir: [number, number, number] = [
      (k.has('KeyD') ? 1 : 0) - (k.has('KeyA') ? 1 : 0),
      (k.has('KeyE') ? 1 : 0) - (k.has('KeyQ') ? 1 : 0),
      (k.has('KeyS') ? 1 : 0) - (k.has('KeyW') ? 1 : 0),
    ];
    if (dir[0] === 0 && dir[1] === 0 && dir[2] === 0) return;
    if (!fly.current) {
      const g = grip('fly');
      if (!g) return;
      fly.current = { g, travelled: [0, 0, 0] };
    }
    const speed = k.has('ShiftLeft') || k.has('ShiftRight') ? 8 : 2;
    const step = Math.min(dt, 0.1) * speed;
    const n = Math.hypot(...dir);
    const t = fly.current.travelled;
    for (let i = 0; i < 3; i++) t[i]! += (dir[i]! / n) * step;
    const len = Math.hypot(...t);
    write(fly.current.g, flyMove(fly.current.g.start, t, len));
  });
  return null;
}
