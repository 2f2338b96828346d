// The edit as OpenTimelineIO JSON (Timeline.1 → Stack.1 → Track.1 → Clip.2), so editorial can open the cut.
// One clip per shot in shot order with RationalTime at the project's exact rate (23.976 is written as
// 24000/1001 = 23.976023976…, as OTIO's own NTSC helpers do) and the lens in clip metadata.
import type { Project } from '../document/schema';
import { exactFps, cutList, timecodeToFrame, usesDropFrame } from '../timeline';
import { shotRows, type ShotRow } from './shotlist';

export interface OtioRationalTime {
  OTIO_SCHEMA: 'RationalTime.1';
  rate: number;
  value: number;
}
export interface OtioTimeRange {
  OTIO_SCHEMA: 'TimeRange.1';
  start_time: OtioRationalTime;
  duration: OtioRationalTime;
}
interface OtioItemBase {
  name: string;
  metadata: Record<string, unknown>;
  source_range: OtioTimeRange | null;
  effects: unknown[];
  markers: unknown[];
  enabled: boolean;
}
export interface OtioMediaReference {
  OTIO_SCHEMA: 'ExternalReference.1' | 'MissingReference.1';
  name: string;
  available_range: OtioTimeRange | null;
  available_image_bounds: null;
  metadata: Record<string, unknown>;
  target_url?: string;
}
export interface OtioClip extends OtioItemBase {
  OTIO_SCHEMA: 'Clip.2';
  media_references: Record<string, OtioMediaReference>;
  active_media_reference_key: string;
}
export interface OtioTrack extends OtioItemBase {
  OTIO_SCHEMA: 'Track.1';
  kind: 'Video' | 'Audio';
  children: OtioClip[];
}
export interface OtioStack extends OtioItemBase {
  OTIO_SCHEMA: 'Stack.1';
  children: OtioTrack[];
}
export interface OtioTimeline {
  OTIO_SCHEMA: 'Timeline.1';
  name: string;
  metadata: Record<string, unknown>;
  global_start_time: OtioRationalTime | null;
  tracks: OtioStack;
}

export interface OtioOptions {
  /**
   * With `animaticUrl`, every clip points into the exported animatic (which is the cut), so source ranges
   * are record positions in that file. Without it, clips are offline (MissingReference) and source ranges
   * are the shots' in/out on the scene timeline.
   */
  animaticUrl?: string;
  /** start of the edit in timecode hours (editorial convention: 1 → 01:00:00:00) */
  startHour?: number;
}

const rt = (value: number, rate: number): OtioRationalTime => ({ OTIO_SCHEMA: 'RationalTime.1', rate, value });
const range = (start: number, duration: number, rate: number): OtioTimeRange => ({
  OTIO_SCHEMA: 'TimeRange.1',
  start_time: rt(start, rate),
  duration: rt(duration, rate),
});
const item = (name: string, metadata: Record<string, unknown> = {}): OtioItemBase => ({
  name,
  metadata,
  source_range: null,
  effects: [],
  markers: [],
  enabled: true,
});

function lensMetadata(r: ShotRow) {
  return {
    focal_length_mm: r.focalLengthMm,
    zooms: r.zooms,
    lens_type: r.lensKind,
    anamorphic_squeeze: r.squeeze,
    t_stop: r.tStop,
    focus_distance_m: r.focusDistanceM,
    sensor: r.sensor,
    sensor_width_mm: r.sensorWidthMm,
    sensor_height_mm: r.sensorHeightMm,
    horizontal_fov_deg: r.horizontalFovDeg,
    delivery_aspect: r.deliveryAspect,
  };
}

export function projectToOtio(p: Project, sceneId: string, opts: OtioOptions = {}): OtioTimeline {
  const scene = p.scenes[sceneId];
  if (!scene) throw new Error(`no scene ${sceneId}`);
  const rate = exactFps(p.settings.fps);
  const rows = shotRows(p, sceneId);
  const cut = cutList(scene);
  const total = cut.reduce((n, c) => n + c.length, 0);
  const clips: OtioClip[] = rows.map((r) => {
    const ref: OtioMediaReference = opts.animaticUrl
      ? {
          OTIO_SCHEMA: 'ExternalReference.1',
          name: opts.animaticUrl,
          target_url: opts.animaticUrl,
          available_range: range(0, total, rate),
          available_image_bounds: null,
          metadata: {},
        }
      : { OTIO_SCHEMA: 'MissingReference.1', name: `${r.number} ${r.name}`, available_range: null, available_image_bounds: null, metadata: {} };
    return {
      OTIO_SCHEMA: 'Clip.2',
      ...item(`${r.number} ${r.name}`.trim(), {
        previs: {
          shot_id: r.shotId,
          shot_number: r.number,
          take: r.take,
          camera: r.cameraName,
          size: r.size,
          angle: r.angle,
          scene_in: r.in,
          scene_out: r.out,
          camera_height_m: r.cameraHeightM,
          tilt_deg: r.tiltDeg,
          pan_deg: r.panDeg,
          notes: r.notes,
          lens: lensMetadata(r),
        },
      }),
      source_range: opts.animaticUrl ? range(r.recordIn, r.durationFrames, rate) : range(r.in, r.durationFrames, rate),
      media_references: { DEFAULT_MEDIA: ref },
      active_media_reference_key: 'DEFAULT_MEDIA',
    };
  });
  const track: OtioTrack = { OTIO_SCHEMA: 'Track.1', ...item('V1'), kind: 'Video', children: clips };
  const startHour = opts.startHour ?? 1;
  return {
    OTIO_SCHEMA: 'Timeline.1',
    name: `${p.name} — ${scene.name}`,
    metadata: { previs: { project_id: p.id, scene_id: sceneId, fps: p.settings.fps, drop_frame: usesDropFrame(p.settings) } },
    // the frame labelled HH:00:00:00 (86400 nominal frames per hour at 23.976; 107892 at 29.97 drop-frame)
    global_start_time: rt(startFrame(p, startHour), rate),
    tracks: { OTIO_SCHEMA: 'Stack.1', ...item('tracks'), children: [track] },
  };
}

/** The frame number whose timecode label is `hour`:00:00:00 at the project's rate and drop-frame choice. */
export function startFrame(p: Project, hour: number): number {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`start hour ${hour} must be a whole hour 0–23`);
  return timecodeToFrame(`${String(hour).padStart(2, '0')}:00:00${usesDropFrame(p.settings) ? ';' : ':'}00`, p.settings.fps);
}

export function otioJson(p: Project, sceneId: string, opts: OtioOptions = {}): string {
  return JSON.stringify(projectToOtio(p, sceneId, opts), null, 4);
}
