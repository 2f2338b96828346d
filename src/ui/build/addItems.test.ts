import { describe, expect, it } from 'vitest';
import { SceneObject } from '../../core/document';
import { generateBuilding, buildingParams, setPieceGeometry } from '../../core/geometry';
import { findPreset } from '../../core/rig';
import { buildAddItems } from './addItems';

describe('Add menu entries', () => {
  const made = buildAddItems.filter((i) => i.id !== 'import-model').map((i) => ({ item: i, objects: i.create() }));

  it('each creates exactly one object that the document schema accepts', () => {
    for (const { item, objects } of made) {
      expect(objects, item.id).toHaveLength(1);
      const r = SceneObject.safeParse(JSON.parse(JSON.stringify(objects[0])));
      expect(r.success, `${item.id}: ${r.success ? '' : r.error.message}`).toBe(true);
    }
  });

  it('covers every primitive, building roof, actor build and light kind', () => {
    const all = made.flatMap((m) => m.objects);
    const shapes = new Set(all.flatMap((o) => (o.type === 'setPiece' ? [o.shape] : [])));
    expect([...shapes].sort()).toEqual(['box', 'cylinder', 'plane', 'stairs', 'wall']);
    const roofs = new Set(all.flatMap((o) => (o.type === 'building' ? [o.roof] : [])));
    expect([...roofs].sort()).toEqual(['flat', 'gable', 'hip']);
    const builds = new Set(all.flatMap((o) => (o.type === 'actor' ? [o.build] : [])));
    expect([...builds].sort()).toEqual(['child', 'female', 'male']);
    const lights = new Set(all.flatMap((o) => (o.type === 'light' ? [o.kind] : [])));
    expect([...lights].sort()).toEqual(['area', 'point', 'spot', 'sun']);
  });

  it('what they create can be built: geometry generates, actor presets exist', () => {
    for (const o of made.flatMap((m) => m.objects)) {
      if (o.type === 'building') expect(generateBuilding(buildingParams(o)).volumes.total).toBeGreaterThan(0);
      if (o.type === 'setPiece') expect(setPieceGeometry(o).mesh.indices.length).toBeGreaterThan(0);
      if (o.type === 'actor' && o.posePreset) expect(findPreset(o.posePreset)).toBeDefined();
    }
  });

  it('each entry gives fresh ids', () => {
    const a = buildAddItems.find((i) => i.id === 'box')!.create()[0]!;
    const b = buildAddItems.find((i) => i.id === 'box')!.create()[0]!;
    expect(a.id).not.toBe(b.id);
  });
});
