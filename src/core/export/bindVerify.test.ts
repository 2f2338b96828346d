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
    const gate = await exportGate(tp.project, 'deliverable');
    expect(gate.refusals).toEqual([]);
    const bundle = await buildDisclosureBundle(tp.project, gate.allowed.map((a) => a.layer.id));
    const summary = await exportSummary(bundle, { purpose: 'deliverable', software: 'Previs Sandbox 0.1.0' });
    const { bytes } = await embedDisclosure({ bytes: makePng(), fileName: 'shot1.png', bundle, summary, purpose: 'deliverable', signer: tp.artist, exportedAt: '2026-11-30T06:00:00Z' });
    const v = await verifyExport('shot1.png', bytes, { requireApproved: true });
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.layers.map((l) => [l.layerId, l.approvedAtCurrentHash, l.consented])).toEqual([
      ['layer-collapse', true, null],
      ['layer-deage', true, true],
    ]);
  });
});
