// The collapse panel: pick a building or an imported asset (or a collapse layer to re-run), set where and when
// it fails, run the bake in its worker with progress and cancel. The result is one effect layer with its
// disclosure record.
import { useEffect, useRef, useState } from 'react';
import type { Building, EffectLayer, ImportedAsset } from '../../../core/document';
import { projectStore, useActiveScene, useProject } from '../../../store/projectStore';
import { editorStore, useEditor } from '../../../store/editorStore';
import { registerTestHook } from '../../../testHook';
import { CollapseMaterial, FailureMode, defaultCollapseParams, parseCollapseParams, type CollapseParams } from '../params';
import { COLLAPSE_EFFECT, runCollapseEffect } from '../run';
import { debrisStatus } from './DebrisParticles';
import { modelForAsset } from '../../../viewport/objects/gltf';
import { MAX_MESH_TRIANGLES } from '../meshSoup';
import { CollapseTakes } from './CollapseTakes';
import { setImpactParam, vecParam } from './impactHandles';

registerTestHook('collapse', { runCollapseEffect, defaultCollapseParams, debrisStatus });

type Vec = [number, number, number];

function Num(props: { label: string; value: number; step?: number; onChange: (v: number) => void; testId?: string }) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <input type="number" step={props.step ?? 1} value={props.value} data-testid={props.testId} onChange={(e) => props.onChange(Number(e.target.value))} />
    </label>
  );
}

function VecField(props: { label: string; value: Vec; onChange: (v: Vec) => void; testId?: string }) {
  return (
    <label className="field" data-testid={props.testId}>
      <span className="field-label">{props.label}</span>
      <span style={{ display: 'flex', gap: 2 }}>
        {props.value.map((c, k) => (
          <input
            key={k}
            type="number"
            step={0.5}
            style={{ width: '33%' }}
            value={c}
            onChange={(e) => {
              const next = [...props.value] as Vec;
              next[k] = Number(e.target.value);
              props.onChange(next);
            }}
          />
        ))}
      </span>
    </label>
  );
}

export function CollapsePanel() {
  const scene = useActiveScene();
  const sceneId = useProject((s) => s.activeSceneId);
  const fps = useProject((s) => s.project.settings.fps);
  const selection = useEditor((s) => s.selection);
  const selected = selection
    .map((id) => scene.objects[id])
    .find((o) => o?.type === 'building' || o?.type === 'asset' || (o?.type === 'effectLayer' && o.effect === COLLAPSE_EFFECT));
  const layer = selected?.type === 'effectLayer' ? (selected as EffectLayer) : null;
  const targetId = layer ? layer.targetIds[0] : selected?.id;
  const targetObject = targetId ? scene.objects[targetId] : undefined;
  const building = targetObject?.type === 'building' ? (targetObject as Building) : null;
  const asset = targetObject?.type === 'asset' ? (targetObject as ImportedAsset) : null;
  const target = building ?? asset;
  const [params, setParams] = useState<CollapseParams>(() => defaultCollapseParams());
  const [seed, setSeed] = useState(1);
  const [progress, setProgress] = useState<{ fraction: number; stage: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const set = <K extends keyof CollapseParams>(k: K, v: CollapseParams[K]) => setParams((p) => ({ ...p, [k]: v }));
  // a selected layer's blow lives on the layer (its viewport handles edit it there, one undo step a drag):
  // the panel shows it live, edits it there, and a re-run uses it
  const impactPoint = layer ? vecParam(layer.params, 'impactPoint', params.impactPoint) : params.impactPoint;
  const impactDirection = layer ? vecParam(layer.params, 'impactDirection', params.impactDirection) : params.impactDirection;
  const setImpact = (k: 'impactPoint' | 'impactDirection', v: Vec) => {
    if (!layer) return set(k, v);
    projectStore.getState().execute(`${k === 'impactPoint' ? 'Impact point' : 'Impact direction'} of ${layer.name}`, setImpactParam(sceneId, layer.id, k, v));
  };

  // a newly picked asset gets its blow aimed at it: the building defaults are metres off a 1 m prop
  const aimedAt = useRef<string | null>(null);
  useEffect(() => {
    if (!asset || layer || aimedAt.current === asset.id) return;
    aimedAt.current = asset.id;
    let live = true;
    modelForAsset(asset.assetId).then(
      (m) => {
        if (!live) return;
        const s = asset.unitScale;
        const k = asset.transform.scale;
        const size = [0, 1, 2].map((i) => (m.max[i]! - m.min[i]!) * s * k[i]!) as Vec;
        const r = (v: number) => Math.round(v * 100) / 100;
        // low on the front face, wide enough to take out the base: a solid prop only falls once its base fails
        setParams((p) => ({ ...p, impactPoint: [0, r(size[1] * 0.15), r(size[2] / 2)], impactRadius: Math.max(0.1, r(0.45 * Math.max(...size))) }));
      },
      () => undefined, // the viewport already reports an unreadable asset
    );
    return () => {
      live = false;
    };
  }, [asset, layer]);

  const loadFromLayer = () => {
    if (!layer) return;
    const parsed = parseCollapseParams(Object.fromEntries(Object.entries(layer.params).filter(([k]) => k in params)));
    if (parsed.ok) setParams(parsed.params);
    setSeed(layer.seed);
  };

  const run = async () => {
    if (!target) return;
    const check = parseCollapseParams({ ...params, impactPoint, impactDirection });
    if (!check.ok) {
      editorStore.getState().notify('error', `Collapse: ${check.error}`);
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ fraction: 0, stage: 'starting' });
    try {
      await runCollapseEffect({
        sceneId,
        building: building ?? undefined,
        asset: asset ?? undefined,
        params: check.params,
        seed,
        layerId: layer?.id,
        signal: controller.signal,
        onProgress: (fraction, stage) => setProgress({ fraction, stage }),
      });
    } catch (e) {
      const err = e as Error;
      if (err.name !== 'AbortError') editorStore.getState().notify('error', `Collapse failed: ${err.message}`);
      else editorStore.getState().notify('info', 'Collapse cancelled; nothing was added');
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  if (!target) return <div className="panel-body dim">Select a building or an imported asset (or its collapse layer) to collapse it.</div>;
  const seconds = (params.triggerFrame / fps).toFixed(2);
  return (
    <div className="panel-body collapse-panel" data-testid="collapse-panel">
      <div className="row">
        <b>{target.name}</b> {layer ? <span className="dim">— re-run of {layer.name}</span> : null}
      </div>
      {asset ? <div className="row dim" data-testid="collapse-asset-note">imported mesh: it must be closed (watertight), at most {MAX_MESH_TRIANGLES.toLocaleString('en')} triangles</div> : null}
      <Num label="Trigger frame" value={params.triggerFrame} onChange={(v) => set('triggerFrame', Math.max(0, Math.round(v)))} testId="collapse-trigger" />
      <div className="row dim">fails at {seconds} s; simulates {params.duration} s</div>
      <Num label="Duration s" value={params.duration} step={0.5} onChange={(v) => set('duration', v)} />
      <VecField label="Impact point" value={impactPoint} onChange={(v) => setImpact('impactPoint', v)} testId="collapse-impact-point" />
      <VecField label="Direction" value={impactDirection} onChange={(v) => setImpact('impactDirection', v)} testId="collapse-impact-direction" />
      {layer ? <div className="row dim">drag the ball (point) and the arrow's tip (direction) in the viewport</div> : null}
      <Num label="Strength m/s" value={params.strength} step={0.5} onChange={(v) => set('strength', v)} />
      <Num label="Radius m" value={params.impactRadius} step={0.5} onChange={(v) => set('impactRadius', v)} />
      <Num label="Fragments" value={params.fragmentCount} step={100} onChange={(v) => set('fragmentCount', Math.round(v))} testId="collapse-fragments" />
      <label className="field">
        <span className="field-label">Material</span>
        <select value={params.material} onChange={(e) => set('material', e.target.value as CollapseParams['material'])}>
          {CollapseMaterial.options.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Fails first</span>
        <select value={params.failureMode} onChange={(e) => set('failureMode', e.target.value as CollapseParams['failureMode'])}>
          {FailureMode.options.map((m) => (
            <option key={m} value={m}>
              {m === 'pancake' ? 'floors (pancake)' : 'columns (toppling)'}
            </option>
          ))}
        </select>
      </label>
      <Num label="Gravity m/s²" value={params.gravity} step={0.1} onChange={(v) => set('gravity', v)} />
      <Num label="Debris" value={params.particleCount} step={5000} onChange={(v) => set('particleCount', Math.round(v))} />
      <Num label="Seed" value={seed} onChange={(v) => setSeed(Math.max(0, Math.min(2 ** 32 - 1, Math.round(v))))} testId="collapse-seed" />
      {progress ? (
        <div className="row">
          <progress max={1} value={progress.fraction} style={{ width: '70%' }} data-testid="collapse-progress" /> {progress.stage}{' '}
          <button onClick={() => abort.current?.abort()} data-testid="collapse-cancel">
            Cancel
          </button>
        </div>
      ) : (
        <div className="row">
          <button onClick={run} data-testid="collapse-run">
            {layer ? 'Re-run collapse' : 'Collapse'}
          </button>{' '}
          {layer ? <button onClick={loadFromLayer}>Load layer settings</button> : null}
        </div>
      )}
      {layer && layer.status === 'done' ? <CollapseTakes sceneId={sceneId} layer={layer} /> : null}
    </div>
  );
}
