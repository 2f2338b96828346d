// The de-age panel: import a plate (into the set or behind a camera), choose it, set the controls, run the
// effect in its worker with progress and cancel, then review the newest de-age layer on that plate.
// The result is a likeness alteration of a real person: the panel says so, and the layer carries its record.
import { useMemo, useRef, useState } from 'react';
import type { EffectLayer, Plate } from '../../core/document';
import { useActiveScene, useProject } from '../../store/projectStore';
import { editorStore, useEditor } from '../../store/editorStore';
import { DEFAULT_PARAMS, type DeageParams } from '../../effects/deage/params';
import { benchDeage, runDeage } from '../../effects/deage/run';
import { learnedSlotProblems } from '../../effects/deage/learned';
import { importPlateFile } from '../../effects/plates/importPlate';
import '../../effects/plates/register';
import { installedModels } from '../../effects/runtime/registry';
import { useByoModels } from '../models/byoModels';
import { DeageControls } from './DeageControls';
import { FrameRange, rangeProblem, type PlateRange } from './FrameRange';
import { Review } from './Review';
import { TakeList } from '../viewer/TakeList';
import { viewerStore } from '../viewer/viewerStore';
import { deageTakePicture, platePicture } from '../viewer/pictures';
import { exactFps } from '../../core/timeline';
import { playhead } from '../../store/playhead';
import { sceneFrameOf } from '../../effects/plates/timing';
import { assetFrame, outputFrame, plateFrame } from './reviewData';
import { getAssetBytes } from '../../store/assets';
import { encodeBench } from '../../effects/deage/encodeBench';
import { registerTestHook } from '../../testHook';
import './deage.css';

registerTestHook('deage', { runDeage, benchDeage, DEFAULT_PARAMS, assetFrame, plateFrame, outputFrame, storedBytes: getAssetBytes, encodeBench });

function useSlotModels() {
  const byo = useByoModels((s) => s.models);
  return useMemo(() => {
    const out: { id: string; label: string; card: import('../../effects/runtime/modelCard').ModelCard | null }[] = [
      { id: 'deage-procedural', label: 'Procedural (authored graph)', card: null },
    ];
    for (const e of installedModels()) {
      if (e.card && e.card.id !== 'deage-procedural' && learnedSlotProblems(e.card).length === 0) out.push({ id: e.card.id, label: `${e.card.name} (installed)`, card: e.card });
    }
    for (const m of byo) if (learnedSlotProblems(m.card).length === 0) out.push({ id: m.card.id, label: `${m.card.name} (brought)`, card: m.card });
    return out;
  }, [byo]);
}

export function DeagePanel() {
  const scene = useActiveScene();
  const sceneId = useProject((s) => s.activeSceneId);
  const selection = useEditor((s) => s.selection);
  const byo = useByoModels((s) => s.models);
  const models = useSlotModels();
  const plates = Object.values(scene.objects).filter((o): o is Plate => o.type === 'plate');
  const selectedPlate = plates.find((p) => selection.includes(p.id));
  const [chosen, setChosen] = useState<string | null>(null);
  const plate = selectedPlate ?? plates.find((p) => p.id === chosen) ?? plates[plates.length - 1] ?? null;
  const [params, setParams] = useState<DeageParams>(DEFAULT_PARAMS);
  const [progress, setProgress] = useState<{ fraction: number; message: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const [importAs, setImportAs] = useState<'plane' | 'background'>('plane');
  // per plate: the frames to de-age (the whole clip until the artist narrows it)
  const [ranges, setRanges] = useState<Record<string, PlateRange>>({});
  const range = plate && plate.mediaKind === 'video' ? (ranges[plate.id] ?? { start: 0, end: plate.frameCount }) : null;

  const layers = plate
    ? Object.values(scene.objects).filter((o): o is EffectLayer => o.type === 'effectLayer' && o.effect === 'deage' && o.targetIds.includes(plate.id) && o.status === 'done')
    : [];
  const latest = layers[layers.length - 1] ?? null;
  const sceneFps = exactFps(useProject((s) => s.project.settings.fps));

  /** The plate against the active take, over the whole window; frame steps move the playhead with it. */
  const viewBig = () => {
    if (!plate || !latest?.output) return;
    const start = latest.frameRange?.start ?? 0;
    const count = latest.frameRange ? latest.frameRange.end - latest.frameRange.start : 1;
    viewerStore.getState().open({
      title: `${latest.name}: plate against take ${latest.activeTake ?? latest.runCount}`,
      a: platePicture(plate, start, `plate ${plate.name}`),
      b: deageTakePicture(plate, { n: latest.activeTake ?? latest.runCount, output: latest.output, frameRange: latest.frameRange }),
      frameCount: count,
      frame: 0,
      onFrame: (i) => playhead.set(sceneFrameOf(plate, start + i, sceneFps)),
    });
  };

  const run = async () => {
    if (!plate) return;
    const problem = range ? rangeProblem(range, plate.frameCount) : null;
    if (problem) return editorStore.getState().notify('error', `De-age: ${problem}`);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ fraction: 0, message: 'starting' });
    try {
      const brought = byo.find((m) => m.card.id === params.model);
      await runDeage({
        sceneId,
        plateId: plate.id,
        params,
        learned: brought ? { card: brought.card, bytes: brought.bytes } : null,
        layerId: latest?.id ?? null,
        frameRange: range,
        signal: controller.signal,
        onProgress: (fraction, message) => setProgress({ fraction, message }),
      });
    } catch (e) {
      const err = e as Error & { cancelled?: boolean };
      editorStore.getState().notify(err.cancelled ? 'info' : 'error', err.cancelled ? 'De-age cancelled; nothing was added.' : `De-age failed: ${err.message}`);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return (
    <div className="panel-body deage-panel" data-testid="deage-panel">
      <div className="row">
        <select value={importAs} onChange={(e) => setImportAs(e.target.value as 'plane' | 'background')} aria-label="import plate as">
          <option value="plane">as image plane</option>
          <option value="background">as camera background</option>
        </select>
        <button onClick={() => file.current?.click()}>Import plate…</button>
        <input
          ref={file}
          type="file"
          hidden
          accept="image/png,image/jpeg,image/webp,video/mp4,video/webm"
          data-testid="plate-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) await importPlateFile(f, { as: importAs });
          }}
        />
      </div>
      {plates.length === 0 ? (
        <div className="empty">Import a photo or clip of an actor to de-age.</div>
      ) : (
        <>
          <label className="field">
            <span className="field-label">Plate</span>
            <select value={plate?.id ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="deage-plate">
              {plates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {p.mediaKind === 'video' ? `${p.frameCount} frames` : `${p.widthPx}×${p.heightPx}`}
                </option>
              ))}
            </select>
          </label>
          {plate && range && <FrameRange plate={plate} sceneId={sceneId} range={range} disabled={!!progress} onChange={(r) => setRanges((m) => ({ ...m, [plate.id]: r }))} />}
          <DeageControls params={params} onChange={setParams} models={models} />
          <div className="deage-warning">Alters a real person's likeness: the layer is disclosed and needs their consent to leave previs.</div>
          {progress ? (
            <div className="row">
              <progress max={1} value={progress.fraction} data-testid="deage-progress" /> <span className="dim">{progress.message}</span>
              <button onClick={() => abort.current?.abort()} data-testid="deage-cancel">
                Cancel
              </button>
            </div>
          ) : (
            <button className="primary" onClick={run} disabled={!plate} data-testid="deage-run" title={latest ? 'Re-runs the layer as a new take: earlier takes stay, with their records and approvals; the new take needs its own approval' : undefined}>
              {latest ? 'Re-run de-age' : 'Run de-age'}
            </button>
          )}
          {plate && latest && (
            <button onClick={viewBig} data-testid="deage-view-big" title="Before/after wipe, side by side, A/B and difference, zoom to 1:1 and beyond, frame step">
              View big…
            </button>
          )}
          {plate && latest && <Review plate={plate} layer={latest} />}
          {plate && latest && (
            <TakeList
              sceneId={sceneId}
              layer={latest}
              pictureOf={(t) => deageTakePicture(plate, t)}
              frameCount={(t) => (t.frameRange ? t.frameRange.end - t.frameRange.start : 1)}
            />
          )}
          {latest?.runReport && (
            <div className="dim mono" data-testid="deage-report">
              {latest.runReport.backend} · {Math.round(latest.runReport.timingsMs.perFrame ?? 0)} ms/frame
            </div>
          )}
        </>
      )}
    </div>
  );
}
