import { describe, expect, it } from 'vitest';
import { createObject, newProject, addObjects, type EffectLayer } from '../../../core/document';
import { arrowLength, arrowTip, directionToward, setImpactParam, toCm, vecParam } from './impactHandles';

describe('collapse impact handles', () => {
  it('the arrow tip sits along the normalised direction, at a length that can be grabbed', () => {
    expect(arrowTip([1, 2, 3], [0, 0, -5], 3)).toEqual([1, 2, 0]);
    expect(arrowTip([0, 0, 0], [0, 0, 0], 2)).toEqual([0, 0, -2]);
    expect(arrowLength(0.2)).toBe(1.5);
    expect(arrowLength(50)).toBe(8);
    expect(arrowLength('x')).toBe(3);
  });
  it('a dragged tip gives a unit direction from the point; a tip on the point gives none', () => {
    const d = directionToward([1, 1, 1], [1, 4, 5])!;
    expect(d).toEqual([0, 0.6, 0.8]);
    expect(directionToward([1, 1, 1], [1, 1, 1])).toBeNull();
  });
  it('writes centimetres, never −0', () => {
    expect(toCm([1.23456, -0.0001, 2.005])).toEqual([1.23, 0, 2.01]);
    expect(Object.is(toCm([-0.001, 0, 0])[0], 0)).toBe(true);
  });
  it('sets one parameter and keeps the others', () => {
    const p = newProject('t', '2026-01-01T00:00:00.000Z');
    const sid = p.sceneOrder[0]!;
    const layer = { ...createObject('setPiece', { id: 'l' }), type: 'effectLayer', effect: 'collapse', targetIds: [], params: { impactPoint: [0, 2, 5], strength: 12 } } as unknown as EffectLayer;
    const q = setImpactParam(sid, 'l', 'impactPoint', [1, 0, 2])(addObjects(sid, [layer])(p));
    const after = q.scenes[sid]!.objects.l as EffectLayer;
    expect(after.params).toEqual({ impactPoint: [1, 0, 2], strength: 12 });
    expect(vecParam(after.params, 'impactPoint', [9, 9, 9])).toEqual([1, 0, 2]);
    expect(vecParam({ impactPoint: [1, 'a', 2] }, 'impactPoint', [9, 9, 9])).toEqual([9, 9, 9]);
  });
});
