// From a typed line to one pure Edit of the document: parse, solve against the scene as it stands at the
// playhead, and only then build the edit (new cameras, their shots with the words kept, move keys). Any error
// comes back before an edit exists, so a refused line never touches the document.
import { createObject, createShot, newId, type Camera, type Edit, type Project, type Scene, type Shot, type Track } from '../document';
import { addObjects, editScene } from '../document/commands';
import { evaluateScene } from '../timeline/evaluate';
import { orderedShots } from '../timeline/shots';
import { nextShotNumber, nextShotNumbers } from '../timeline/shotNumbers';
import type { ShotDescription } from './description';
import { parseShot, type GrammarContext } from './parse';
import { solveShot } from './solve';
import { solveCoverage } from './coverage';
import { moveKeys } from './moves';
import { angleLabel, coverageChips, shotChips, type Chip } from './chips';
import type { CameraSetup, SolvedShot } from './camera';

export interface WordsContext {
  project: Project;
  sceneId: string;
  /** the playhead: actors are framed as they stand here, and a new shot starts here unless a shot is under it */
  frame: number;
  /** the camera whose body, lens set and aspect new cameras copy (the selected one); else the scene's first */
  templateCameraId?: string | null;
}

export interface WordsPlan {
  kind: 'shot' | 'coverage';
  chips: Chip[];
  warnings: string[];
  /** one line for the history and the notice */
  label: string;
  edit: Edit;
  cameraIds: string[];
  shotIds: string[];
  /** the solved cameras, in shot order (tests check them; the UI may preview them) */
  solved: SolvedShot[];
  description?: ShotDescription;
}

export type WordsResult = { ok: true; plan: WordsPlan } | { ok: false; error: string; word?: string; suggestion?: string };

const DEFAULT_SHOT_SECONDS = 2;
const HOLD_AFTER_MOVE_FRAMES = 12;

export function grammarContext(scene: Pick<Scene, 'objects'>): GrammarContext {
  const all = Object.values(scene.objects);
  return {
    actors: all.filter((o) => o.type === 'actor').map((o) => ({ id: o.id, name: o.name })),
    objects: all.filter((o) => o.type === 'setPiece' || o.type === 'building' || o.type === 'asset').map((o) => ({ id: o.id, name: o.name })),
  };
}

function templateCamera(scene: Pick<Scene, 'objects'>, id: string | null | undefined): Camera {
  const picked = id ? scene.objects[id] : undefined;
  if (picked?.type === 'camera') return picked;
  const first = Object.values(scene.objects).find((o): o is Camera => o.type === 'camera');
  return first ?? createObject('camera');
}

/** Where a new shot starts: at the playhead, or after the last shot when the playhead is inside one. */
export function newShotStart(project: Project, scene: Scene, frame: number): number {
  const shots = orderedShots(scene);
  const lastOut = shots.reduce((m, s) => Math.max(m, s.out), project.settings.frameIn);
  return shots.some((s) => frame >= s.in && frame < s.out) ? lastOut : Math.max(0, Math.round(frame));
}

function cameraObject(setup: CameraSetup, name: string): Camera {
  return createObject('camera', { name: name.slice(0, 256), body: setup.body, lens: setup.lens, deliveryAspect: setup.deliveryAspect, transform: setup.transform });
}

function shotRecord(cameraId: string, number: string, inF: number, outF: number, name: string, size: Shot['size'], angle: string | null, words: string): Shot {
  return { ...createShot(cameraId, number, inF, outF), name: name.slice(0, 256), size, angle, description: words.slice(0, 1000) };
}

export function planFromWords(text: string, wc: WordsContext): WordsResult {
  const stored = wc.project.scenes[wc.sceneId];
  if (!stored) return { ok: false, error: `No scene ${wc.sceneId}` };
  const scene = { objects: evaluateScene(wc.project, wc.sceneId, wc.frame).objects };
  const gctx = grammarContext(scene);
  const parsed = parseShot(text, gctx);
  if (!parsed.ok) return parsed;
  const nameOf = (id: string) => scene.objects[id]?.name ?? id;
  const template = templateCamera(scene, wc.templateCameraId);
  const ctx = { scene, template };
  const fps = wc.project.settings.fps;
  const start = newShotStart(wc.project, stored, wc.frame);
  const words = text.trim();

  if (parsed.kind === 'coverage') {
    const r = solveCoverage(parsed.coverage, ctx);
    if (!r.ok) return { ok: false, error: r.error };
    const len = Math.round(DEFAULT_SHOT_SECONDS * fps);
    const cameras = r.coverage.shots.map((s) => cameraObject(s.solved.camera, s.label));
    const numbers = nextShotNumbers(Object.values(stored.shots).map((s) => s.number), r.coverage.shots.length);
    const shots = r.coverage.shots.map((s, i) =>
      shotRecord(cameras[i]!.id, numbers[i]!, start + i * len, start + (i + 1) * len, s.label, s.solved.size, s.role === 'ots' ? 'OTS' : 'eye level', s.description),
    );
    const warnings = r.coverage.shots.flatMap((s) => s.solved.warnings.map((w) => `${s.label}: ${w}`));
    return {
      ok: true,
      plan: {
        kind: 'coverage',
        chips: coverageChips(parsed.coverage, nameOf),
        warnings,
        label: `Cover ${nameOf(parsed.coverage.actorIds[0])} and ${nameOf(parsed.coverage.actorIds[1])}`,
        edit: addAll(wc.sceneId, cameras, shots, []),
        cameraIds: cameras.map((c) => c.id),
        shotIds: shots.map((s) => s.id),
        solved: r.coverage.shots.map((s) => s.solved),
      },
    };
  }

  const d = parsed.shot;
  const r = solveShot(d, ctx);
  if (!r.ok) return { ok: false, error: r.error };
  let keys;
  try {
    keys = moveKeys(r.shot, d, ctx, start, fps);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const chips = shotChips(d, nameOf);
  const name = shotName(d, nameOf, r.shot.size);
  const camera = cameraObject(r.shot.camera, name);
  const out = Math.max(start + Math.round(DEFAULT_SHOT_SECONDS * fps), keys.endFrame + (d.moves.length ? HOLD_AFTER_MOVE_FRAMES : 0));
  const shot = shotRecord(camera.id, nextShotNumber(stored), start, out, name, r.shot.size, angleLabel(d), words);
  const tracks: Track[] = [];
  if (d.moves.length) {
    for (const [property, list] of [['transform.position', keys.position], ['transform.rotation', keys.rotation], ['lens.focusDistanceM', keys.focus]] as const) {
      tracks.push({ id: newId('track'), targetId: camera.id, property, keys: list });
    }
  }
  return {
    ok: true,
    plan: { kind: 'shot', chips, warnings: r.shot.warnings, label: `Shot from words: ${name}`, edit: addAll(wc.sceneId, [camera], [shot], tracks), cameraIds: [camera.id], shotIds: [shot.id], solved: [r.shot], description: d },
  };
}

function shotName(d: ShotDescription, name: (id: string) => string, size: string | null): string {
  if (d.framing === 'ots' && d.ots) return `${size ?? ''} OTS ${name(d.ots.foregroundId)} → ${name(d.ots.targetId)}`.trim();
  if (d.framing === 'pov' && d.pov) return `POV ${name(d.pov.ofId)}${d.pov.targetId ? ` → ${name(d.pov.targetId)}` : ''}`;
  return `${size ?? ''} ${d.subjectIds.map(name).join(' & ')}`.trim();
}

/** Cameras, shots (appended to the shot order) and tracks in one edit: one undo step. */
function addAll(sceneId: string, cameras: Camera[], shots: Shot[], tracks: Track[]): Edit {
  return (p) =>
    editScene(addObjects(sceneId, cameras)(p), sceneId, (s) => ({
      ...s,
      shots: { ...s.shots, ...Object.fromEntries(shots.map((x) => [x.id, x])) },
      shotOrder: [...s.shotOrder, ...shots.map((x) => x.id)],
      tracks: { ...s.tracks, ...Object.fromEntries(tracks.map((t) => [t.id, t])) },
    }));
}
