import { describe, expect, it } from 'vitest';
import { projectToOtio, otioJson } from './otio';
import { exportFixture } from './storyboard.fixture';

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v);

// The required fields of each OTIO schema we write, as the OTIO JSON serializer emits them
// (opentimelineio/serializableObject + item.h/clip.h/track.h/stack.h/timeline.h, schema versions as of OTIO 0.17).
const REQUIRED: Record<string, string[]> = {
  'Timeline.1': ['name', 'metadata', 'global_start_time', 'tracks'],
  'Stack.1': ['name', 'metadata', 'source_range', 'effects', 'markers', 'enabled', 'children'],
  'Track.1': ['name', 'metadata', 'source_range', 'effects', 'markers', 'enabled', 'children', 'kind'],
  'Clip.2': ['name', 'metadata', 'source_range', 'effects', 'markers', 'enabled', 'media_references', 'active_media_reference_key'],
  'ExternalReference.1': ['name', 'metadata', 'available_range', 'available_image_bounds', 'target_url'],
  'MissingReference.1': ['name', 'metadata', 'available_range', 'available_image_bounds'],
  'TimeRange.1': ['start_time', 'duration'],
  'RationalTime.1': ['rate', 'value'],
};

/** Walks an OTIO document and returns every violation of the schema shapes above. */
function validateOtio(node: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((n, i) => validateOtio(n, `${path}[${i}]`, out));
    return out;
  }
  if (!isObj(node)) return out;
  const schema = node.OTIO_SCHEMA;
  if (typeof schema === 'string') {
    const req = REQUIRED[schema];
    if (!req) out.push(`${path}: unknown schema ${schema}`);
    else for (const k of req) if (!(k in node)) out.push(`${path}: ${schema} lacks ${k}`);
    if (schema === 'RationalTime.1') {
      if (typeof node.rate !== 'number' || !(node.rate > 0)) out.push(`${path}: rate must be a positive number`);
      if (typeof node.value !== 'number' || !Number.isFinite(node.value)) out.push(`${path}: value must be a number`);
    }
    if (schema === 'Track.1' && node.kind !== 'Video' && node.kind !== 'Audio') out.push(`${path}: bad kind`);
    if (schema === 'Clip.2') {
      const refs = node.media_references;
      if (!isObj(refs) || !isObj(refs[node.active_media_reference_key as string])) out.push(`${path}: active media reference missing`);
    }
  }
  for (const [k, v] of Object.entries(node)) if (k !== 'metadata') validateOtio(v, `${path}.${k}`, out);
  return out;
}

describe('OpenTimelineIO export', () => {
  it('validates against the OTIO schema shapes', () => {
    const { p, sceneId } = exportFixture();
    const doc = JSON.parse(otioJson(p, sceneId));
    expect(validateOtio(doc)).toEqual([]);
    expect(validateOtio(JSON.parse(otioJson(p, sceneId, { animaticUrl: 'cut.mp4' })))).toEqual([]);
    // and the validator does catch a broken document
    delete doc.tracks.children[0].children[0].source_range.duration.rate;
    expect(validateOtio(doc).length).toBeGreaterThan(0);
  });
  it('writes one clip per shot with exact rational times', () => {
    const { p, sceneId } = exportFixture(23.976);
    const t = projectToOtio(p, sceneId);
    const clips = t.tracks.children[0]!.children;
    expect(clips.map((c) => c.name)).toEqual(['10 Shot 10', '20 Shot 20', '30 Shot 30']);
    const rate = 24000 / 1001;
    for (const c of clips) {
      expect(c.source_range!.start_time.rate).toBe(rate);
      expect(c.source_range!.duration.rate).toBe(rate);
    }
    expect(clips.map((c) => [c.source_range!.start_time.value, c.source_range!.duration.value])).toEqual([[0, 48], [48, 24], [100, 12]]);
    // 01:00:00:00 at 23.976 is 86400 timecode frames
    expect(t.global_start_time).toEqual({ OTIO_SCHEMA: 'RationalTime.1', rate, value: 86400 });
    expect(clips.reduce((n, c) => n + c.source_range!.duration.value, 0)).toBe(84);
  });
  it('points clips into the animatic at their record positions', () => {
    const { p, sceneId } = exportFixture(25);
    const clips = projectToOtio(p, sceneId, { animaticUrl: 'cut.mp4' }).tracks.children[0]!.children;
    expect(clips.map((c) => c.source_range!.start_time.value)).toEqual([0, 48, 72]);
    const ref = clips[1]!.media_references.DEFAULT_MEDIA!;
    expect(ref.target_url).toBe('cut.mp4');
    expect(ref.available_range!.duration).toEqual({ OTIO_SCHEMA: 'RationalTime.1', rate: 25, value: 84 });
  });
  it('carries lens metadata read at each shot\'s first frame', () => {
    const { p, sceneId } = exportFixture();
    const clips = projectToOtio(p, sceneId).tracks.children[0]!.children;
    const meta = clips[1]!.metadata.previs as { lens: Record<string, unknown>; take: number; scene_in: number };
    expect(meta.lens).toMatchObject({ focal_length_mm: 75, zooms: true, lens_type: 'anamorphic', anamorphic_squeeze: 2 });
    expect(meta.take).toBe(3);
    expect(meta.scene_in).toBe(48);
  });
});
