import { beforeAll, describe, expect, it } from 'vitest';
import { buildDisclosureBundle } from '../disclosure/bundle';
import { exportGate } from '../disclosure/gate';
import { exportSummary } from './bindBundle';
import { embedDisclosure } from './bindEnvelope';
import { verifyExport } from './bindVerify';
import { buildTestProject, type TestProject } from './bindProject.testutil';
import { makePng } from './bindFixtures.testutil';

let tp: TestProject;
beforeAll(async () => {
  tp = await buildTestProject({ approved: true });
});

describe('export binding round trip', () => {
  it('PNG: embeds and verifies', async () => {
    const gate = await exportGate(tp.project, 'deliverable', { trust: { rootPem: tp.studio.rootPem } });
    expect(gate.refusals).toEqual([]);
    const bundle = await buildDisclosureBundle(tp.project, gate.allowed.map((a) => a.layer.id));
    const summary = await exportSummary(bundle, { purpose: 'deliverable', software: 'Previs Sandbox 0.1.0', trust: { rootPem: tp.studio.rootPem } });
    const { bytes } = await embedDisclosure({ bytes: makePng(), fileName: 'shot1.png', bundle, summary, purpose: 'deliverable', signer: tp.artist, exportedAt: '2026-11-30T06:00:00Z' });
    const v = await verifyExport('shot1.png', bytes, { requireApproved: true, trust: { rootPem: tp.studio.rootPem } });
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.layers.map((l) => [l.layerId, l.approvedAtCurrentHash, l.consented])).toEqual([
      ['layer-collapse', true, null],
      ['layer-deage', true, true],
    ]);
  });
});

describe('layer frames in a cut', () => {
  it('maps timeline ranges into the output frames of shots cut back to back', async () => {
    const { layerFramesInCut } = await import('./bindExport');
    const segs = [{ in: 100, out: 124 }, { in: 10, out: 30 }];
    expect(layerFramesInCut([{ id: 'a', frameRange: { start: 110, end: 200 } }], segs)).toEqual({ a: { start: 10, end: 24 } });
    expect(layerFramesInCut([{ id: 'b', frameRange: { start: 0, end: 20 } }], segs)).toEqual({ b: { start: 24, end: 34 } });
    expect(layerFramesInCut([{ id: 'c', frameRange: { start: 115, end: 25 } }], segs)).toEqual({ c: null });
    expect(layerFramesInCut([{ id: 'd', frameRange: null }], segs)).toEqual({ d: { start: 0, end: 44 } });
    expect(layerFramesInCut([{ id: 'e', frameRange: { start: 0, end: 200 } }], segs)).toEqual({ e: { start: 0, end: 44 } });
  });
});
