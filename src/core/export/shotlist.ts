// The shot list: one row per shot in shot order with what the floor needs (lens, height, tilt, timing),
// as CSV (RFC 4180) and JSON. Camera values are read at the shot's first frame, so animated lenses report
// what the shot opens on; the row says when a value changes during the shot.
import type { Camera, Project, Shot } from '../document/schema';
import { cutList, evaluateObject, frameToTimecode, exactFps, rateRational, usesDropFrame } from '../timeline';
import { attitude, heightAboveGround, cameraFieldOfView, sensorPreset } from '../lens';

export interface ShotRow {
  order: number;
  shotId: string;
  number: string;
  name: string;
  take: number;
  cameraId: string;
  cameraName: string;
  size: string | null;
  angle: string | null;
  focalLengthMm: number;
  /** true when the focal length changes during the shot (a zoom) */
  zooms: boolean;
  lensKind: 'spherical' | 'anamorphic';
  squeeze: number;
  tStop: number;
  focusDistanceM: number;
  sensor: string;
  sensorWidthMm: number;
  sensorHeightMm: number;
  horizontalFovDeg: number;
  deliveryAspect: number;
  cameraHeightM: number;
  tiltDeg: number;
  panDeg: number;
  /** true when the camera position changes during the shot */
  moves: boolean;
  in: number;
  out: number;
  durationFrames: number;
  durationSeconds: number;
  inTimecode: string;
  outTimecode: string;
  /** position in the cut */
  recordIn: number;
  recordInTimecode: string;
  notes: string;
  /** the shot in words, as typed in the shot command bar ('' when it was placed by hand) */
  description: string;
}

const round = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
const DEG = 180 / Math.PI;

function cameraAt(p: Project, sceneId: string, id: string, frame: number): Camera | null {
  const o = evaluateObject(p, sceneId, id, frame);
  return o && o.type === 'camera' ? o : null;
}

export function shotRow(p: Project, sceneId: string, shot: Shot, order: number, recordIn: number): ShotRow {
  const fps = p.settings.fps;
  const tc = (f: number) => frameToTimecode(f, fps, { dropFrame: usesDropFrame(p.settings) });
  const cam = cameraAt(p, sceneId, shot.cameraId, shot.in);
  if (!cam) throw new Error(`shot ${shot.number}: camera ${shot.cameraId} is missing`);
  const last = cameraAt(p, sceneId, shot.cameraId, Math.max(shot.in, shot.out - 1)) ?? cam;
  const att = attitude(cam.transform.rotation);
  const length = shot.out - shot.in;
  const preset = cam.body.sensorPresetId ? sensorPreset(cam.body.sensorPresetId) : undefined;
  return {
    order,
    shotId: shot.id,
    number: shot.number,
    name: shot.name,
    take: shot.take,
    cameraId: cam.id,
    cameraName: cam.name,
    size: shot.size,
    angle: shot.angle,
    focalLengthMm: round(cam.lens.focalLengthMm, 2),
    zooms: Math.abs(last.lens.focalLengthMm - cam.lens.focalLengthMm) > 1e-6,
    lensKind: cam.lens.kind,
    squeeze: cam.lens.squeeze,
    tStop: round(cam.lens.tStop, 2),
    focusDistanceM: round(cam.lens.focusDistanceM, 3),
    sensor: preset?.name ?? 'custom',
    sensorWidthMm: cam.body.sensorWidthMm,
    sensorHeightMm: cam.body.sensorHeightMm,
    horizontalFovDeg: round(cameraFieldOfView(cam).horizontalDeg, 2),
    deliveryAspect: round(cam.deliveryAspect, 4),
    cameraHeightM: round(heightAboveGround(cam.transform.position), 3),
    tiltDeg: round(att.tilt * DEG, 1),
    panDeg: round(att.pan * DEG, 1),
    moves: cam.transform.position.some((v, i) => Math.abs(v - last.transform.position[i]!) > 1e-6),
    in: shot.in,
    out: shot.out,
    durationFrames: length,
    durationSeconds: round(length / exactFps(fps), 3),
    inTimecode: tc(shot.in),
    outTimecode: tc(shot.out),
    recordIn,
    recordInTimecode: tc(recordIn),
    notes: shot.notes,
    description: shot.description ?? '',
  };
}

/** Every shot of the scene in shot order. Throws with the shot number when a shot's camera is gone. */
export function shotRows(p: Project, sceneId: string): ShotRow[] {
  const scene = p.scenes[sceneId];
  if (!scene) throw new Error(`no scene ${sceneId}`);
  return cutList(scene).map((c, i) => shotRow(p, sceneId, c.shot, i + 1, c.recordIn));
}

const COLUMNS: [keyof ShotRow, string][] = [
  ['order', 'Order'],
  ['number', 'Shot'],
  ['name', 'Name'],
  ['take', 'Take'],
  ['cameraName', 'Camera'],
  ['size', 'Size'],
  ['angle', 'Angle'],
  ['focalLengthMm', 'Lens (mm)'],
  ['zooms', 'Zoom'],
  ['lensKind', 'Lens type'],
  ['squeeze', 'Squeeze'],
  ['tStop', 'T-stop'],
  ['focusDistanceM', 'Focus (m)'],
  ['sensor', 'Sensor'],
  ['horizontalFovDeg', 'H FOV (deg)'],
  ['deliveryAspect', 'Aspect'],
  ['cameraHeightM', 'Camera height (m)'],
  ['tiltDeg', 'Tilt (deg)'],
  ['panDeg', 'Pan (deg)'],
  ['moves', 'Camera moves'],
  ['in', 'In'],
  ['out', 'Out'],
  ['durationFrames', 'Frames'],
  ['durationSeconds', 'Seconds'],
  ['inTimecode', 'In TC'],
  ['outTimecode', 'Out TC'],
  ['recordInTimecode', 'Record in TC'],
  ['notes', 'Notes'],
  ['description', 'Description'],
];

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula is defused with '. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function shotListCsv(rows: ShotRow[]): string {
  const lines = [COLUMNS.map(([, h]) => csvCell(h)).join(',')];
  for (const r of rows) lines.push(COLUMNS.map(([k]) => csvCell(r[k])).join(','));
  return lines.join('\r\n') + '\r\n';
}

export interface ShotListJson {
  kind: 'previs-sandbox/shot-list';
  version: 1;
  project: string;
  scene: string;
  fps: number;
  fpsRational: { num: number; den: number };
  dropFrame: boolean;
  shots: ShotRow[];
}

export function shotListJson(p: Project, sceneId: string, rows = shotRows(p, sceneId)): ShotListJson {
  const fps = p.settings.fps;
  return {
    kind: 'previs-sandbox/shot-list',
    version: 1,
    project: p.name,
    scene: p.scenes[sceneId]?.name ?? sceneId,
    fps,
    fpsRational: rateRational(fps),
    dropFrame: usesDropFrame(p.settings),
    shots: rows,
  };
}
