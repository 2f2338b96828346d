// The plan's services for panels, the overlay and tests: the current plan model and the PNG and PDF
// exporters (set while the plan view is mounted, since they need the live renderer).
import { toB64 } from '../../core/util/base64';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { registerTestHook } from '../../testHook';
import { getEvaluatedCamera } from '../camera/evaluatedCamera';
import { cameraInWorld } from '../camera/worldCamera';
import { planModel, type P2, type PlanModel } from './planGeometry';
import { planState } from './planState';
import { downloadBlob, type PlanPdf } from './planExport';

/** The plan model of the active scene at the playhead (cameras evaluated like the look-through). */
export function currentPlanModel(): PlanModel | null {
  const { project, activeSceneId } = projectStore.getState();
  const scene = project.scenes[activeSceneId];
  if (!scene) return null;
  return planModel(scene, (c) => cameraInWorld(getEvaluatedCamera(project, activeSceneId, c.id, playhead.frame) ?? c));
}

/** Set while the plan view is mounted: exports the sheet as PNG bytes, or as a PDF floor-plan sheet. */
export const planExporter: { exportPng: (() => Promise<Blob>) | null; exportPdf: (() => Promise<PlanPdf>) | null } = { exportPng: null, exportPdf: null };

async function base64(blob: Blob): Promise<string> {
  return toB64(new Uint8Array(await blob.arrayBuffer()));
}

registerTestHook('plan', {
  state: planState,
  model: currentPlanModel,
  async exportPngBase64(): Promise<string> {
    if (!planExporter.exportPng) throw new Error('plan view is not open');
    return base64(await planExporter.exportPng());
  },
  async exportPdfBase64(): Promise<string> {
    if (!planExporter.exportPdf) throw new Error('plan view is not open');
    return base64((await planExporter.exportPdf()).blob);
  },
});

export async function exportPlanToFile(): Promise<void> {
  try {
    if (!planExporter.exportPng) throw new Error('open the plan view first');
    downloadBlob(await planExporter.exportPng(), `${projectStore.getState().project.name || 'plan'} — plan.png`);
  } catch (e) {
    editorStore.getState().notify('error', `Plan export: ${(e as Error).message}`);
  }
}

export async function exportPlanPdfToFile(): Promise<void> {
  try {
    if (!planExporter.exportPdf) throw new Error('open the plan view first');
    const pdf = await planExporter.exportPdf();
    downloadBlob(pdf.blob, `${projectStore.getState().project.name || 'plan'} — plan.pdf`);
    if (pdf.substitutions.size) {
      const list = [...pdf.substitutions].map(([c, as]) => `${c}→${as}`).join(' ');
      editorStore.getState().notify('warning', `Plan PDF: the embedded Noto Sans has no glyph for some characters (CJK needs a CJK font; see README); printed instead: ${list}`);
    }
  } catch (e) {
    editorStore.getState().notify('error', `Plan PDF export: ${(e as Error).message}`);
  }
}

/** Points the plan's Fit frames: camera wedges, actors, and the footprints of set pieces and buildings. */
export function fitPoints(): P2[] {
  const m = currentPlanModel();
  const { project, activeSceneId } = projectStore.getState();
  const scene = project.scenes[activeSceneId];
  const pts: P2[] = m ? [...m.cameras.flatMap((c) => [c.apex, c.left, c.right]), ...m.actors.map((a) => a.at)] : [];
  for (const o of Object.values(scene?.objects ?? {})) {
    if (!o.visible || o.parentId) continue;
    const [x, , z] = o.transform.position;
    if (o.type === 'building') {
      const hw = o.footprint.width / 2, hd = o.footprint.depth / 2;
      pts.push([x - hw, z - hd], [x + hw, z + hd]);
    } else if (o.type === 'setPiece' || o.type === 'asset') {
      pts.push([x, z]);
    }
  }
  return pts;
}
