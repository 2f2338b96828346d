import { describe, expect, it } from 'vitest';
import { SlotClass, detailLevel, detailThresholdPx, drawOrder, projectedDiameterPx, slotClass } from './cullMath';

describe('on-screen size', () => {
  const lens = { kind: 'perspective' as const, tanHalfFovY: Math.tan((45 * Math.PI) / 360), heightPx: 720 };
  it('a sphere filling the vertical field of view spans the frame height', () => {
    // at distance d the half-height of the view is d·tan(fov/2): a sphere of that radius spans it
    const d = 10;
    expect(projectedDiameterPx(d * lens.tanHalfFovY, d, lens)).toBeCloseTo(720, 9);
  });
  it('halves with twice the distance, and fills the view with the eye inside', () => {
    const near = projectedDiameterPx(0.9, 20, lens);
    expect(projectedDiameterPx(0.9, 40, lens)).toBeCloseTo(near / 2, 9);
    expect(projectedDiameterPx(1, 0.5, lens)).toBe(Infinity);
  });
  it('orthographic: world size over the window height, whatever the distance', () => {
    const ortho = { kind: 'orthographic' as const, worldHeight: 20, heightPx: 800 };
    expect(projectedDiameterPx(1, 5, ortho)).toBe(80);
    expect(projectedDiameterPx(1, 500, ortho)).toBe(80);
  });
  it('a 1.75 m actor 40 m from a 45° lens is about 38 px tall: the far mannequin below 90 px', () => {
    const px = projectedDiameterPx(1.75 / 2, 40, lens);
    expect(px).toBeGreaterThan(37);
    expect(px).toBeLessThan(39);
    expect(detailLevel(px, 90)).toBe(1);
    expect(detailLevel(projectedDiameterPx(1.75 / 2, 10, lens), 90)).toBe(0);
    // the threshold itself is full detail
    expect(detailLevel(90, 90)).toBe(0);
  });
});

describe('thresholds at a lowered resolution', () => {
  it('count the pixels drawn: doubled at half resolution, unchanged at full resolution or above', () => {
    expect(detailThresholdPx(40, 0.5)).toBe(80);
    expect(detailThresholdPx(90, 0.5)).toBe(180);
    expect(detailThresholdPx(40, 1)).toBe(40);
    // a pixel ratio above the full one (someone zoomed the page in) does not lower the thresholds
    expect(detailThresholdPx(40, 2)).toBe(40);
    // no drawing buffer to speak of: unchanged
    expect(detailThresholdPx(40, 0)).toBe(40);
    // a 60 px prop: full detail at full resolution, simplified while drawn at half
    expect(detailLevel(60, detailThresholdPx(40, 1))).toBe(0);
    expect(detailLevel(60, detailThresholdPx(40, 0.5))).toBe(1);
  });
});

describe('slot order', () => {
  it('classes: seen+casting, seen only, casting only, neither', () => {
    expect(slotClass(true, true)).toBe(SlotClass.SeenAndCasting);
    expect(slotClass(true, false)).toBe(SlotClass.SeenOnly);
    expect(slotClass(false, true)).toBe(SlotClass.CastingOnly);
    expect(slotClass(false, false)).toBe(SlotClass.Neither);
  });
  it('lays classes out in order, nearest first within each, and counts both passes', () => {
    const classes = [3, 2, 0, 1, 0, 2, 1];
    const depth = [1, 9, 5, 2, 1, 3, 8];
    const { order, cameraCount, shadowCount } = drawOrder(classes, depth);
    expect(Array.from(order)).toEqual([4, 2, 3, 6, 5, 1, 0]);
    // the camera pass draws the seen members, the shadow pass those plus the casting-only ones
    expect(cameraCount).toBe(4);
    expect(shadowCount).toBe(6);
    const drawnByCamera = Array.from(order.slice(0, cameraCount)).map((i) => classes[i]!);
    expect(drawnByCamera.every((c) => c <= SlotClass.SeenOnly)).toBe(true);
    const drawnByShadow = Array.from(order.slice(0, shadowCount)).map((i) => classes[i]!);
    expect(drawnByShadow).toContain(SlotClass.CastingOnly);
    expect(drawnByShadow).not.toContain(SlotClass.Neither);
  });
  it('an empty bucket draws nothing', () => {
    expect(drawOrder([], [])).toMatchObject({ cameraCount: 0, shadowCount: 0 });
  });
});
