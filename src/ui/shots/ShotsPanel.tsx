// The shot list: every shot in order with its camera, in/out, size, angle, take and notes; reorder,
// duplicate, renumber, delete; a storyboard strip with a thumbnail per shot through its camera; links to
// each shot's look-through and overhead plan; and the shot exports.
import { useState } from 'react';
import { useActiveScene, useProject } from '../../store/projectStore';
import { SHOT_ANGLES, SHOT_SIZES, SHOT_SIZE_NAMES, orderedShots, frameToTimecode, usesDropFrame } from '../../core/timeline';
import type { Shot } from '../../core/document';
import { registerTestHook } from '../../testHook';
import { renderAnimatic, renderAnimaticFile, renderShotStill } from '../../export/animatic';
import { addShot, deleteShot, duplicate, gotoShot, renumber, reorder, updateShot } from './shotActions';
import { useShotThumbnails } from './thumbnails';
import { useEditor } from '../../store/editorStore';
import { applyWords, suggestedLine } from '../shotdesigner/shotWords';
import { ShotExports } from './ShotExports';
import './shots.css';

// the export helper and the headless CLI reach the renderers through window.__previs
registerTestHook('animatic', { renderAnimatic, renderAnimaticFile, renderShotStill });

function NumberField({ value, label, onCommit, min = 0 }: { value: number; label: string; onCommit(v: number): void; min?: number }) {
  return (
    <input
      type="number"
      aria-label={label}
      title={label}
      key={value}
      defaultValue={value}
      min={min}
      onBlur={(e) => {
        const v = Math.round(Number(e.target.value));
        if (v !== value) onCommit(v);
      }}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  );
}

function ShotRowEditor({ shot, index, count, thumb }: { shot: Shot; index: number; count: number; thumb?: string }) {
  const scene = useActiveScene();
  const fps = useProject((s) => s.project.settings.fps);
  const cams = Object.values(scene.objects).filter((o) => o.type === 'camera');
  const dropFrame = useProject((s) => usesDropFrame(s.project.settings));
  const tc = (f: number) => frameToTimecode(f, fps, { dropFrame });
  const up = (patch: Partial<Shot>) => updateShot(shot.id, patch);
  return (
    <div className="shot" data-testid="shot-row" data-shot={shot.id}>
      <div className="shot-thumb" onClick={() => gotoShot(shot.id)} title="Look through this shot">
        {thumb ? <img src={thumb} alt={`Shot ${shot.number}`} /> : <span>no frame</span>}
      </div>
      <div className="shot-fields">
        <div className="shot-line">
          <input className="shot-number" aria-label="Shot number" key={`n${shot.number}`} defaultValue={shot.number} onBlur={(e) => e.target.value !== shot.number && up({ number: e.target.value.slice(0, 32) })} />
          <input className="shot-name" aria-label="Shot name" key={`m${shot.name}`} defaultValue={shot.name} onBlur={(e) => e.target.value !== shot.name && up({ name: e.target.value.slice(0, 256) })} />
          <label>tk <NumberField label="Take" value={shot.take} min={1} onCommit={(v) => up({ take: Math.max(1, Math.min(9999, v)) })} /></label>
        </div>
        <div className="shot-line">
          <select aria-label="Camera" value={shot.cameraId} onChange={(e) => up({ cameraId: e.target.value })}>
            {cams.map((c) => (
              <option key={c.id} value={c.id}>{c.name}{c.type === 'camera' ? ` · ${c.lens.focalLengthMm}mm` : ''}</option>
            ))}
          </select>
          <label>in <NumberField label="In" value={shot.in} onCommit={(v) => up({ in: v })} /></label>
          <label>out <NumberField label="Out" value={shot.out} min={1} onCommit={(v) => up({ out: v })} /></label>
          <span className="mono dim">{tc(shot.in)} · {shot.out - shot.in} fr</span>
        </div>
        <div className="shot-line">
          <select aria-label="Shot size" value={shot.size ?? ''} onChange={(e) => up({ size: (e.target.value || null) as Shot['size'] })}>
            <option value="">size…</option>
            {SHOT_SIZES.map((s) => (
              <option key={s} value={s} title={SHOT_SIZE_NAMES[s]}>{s}</option>
            ))}
          </select>
          <select aria-label="Angle" value={shot.angle ?? ''} onChange={(e) => up({ angle: e.target.value || null })}>
            <option value="">angle…</option>
            {[...new Set([...SHOT_ANGLES, ...(shot.angle ? [shot.angle] : [])])].map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
          <button title="Look through" onClick={() => gotoShot(shot.id)}>👁</button>
          <button title="Overhead plan of this shot" onClick={() => gotoShot(shot.id, 'plan')}>Plan</button>
          <button title="Move up" disabled={index === 0} onClick={() => reorder(shot.id, index - 1)}>↑</button>
          <button title="Move down" disabled={index === count - 1} onClick={() => reorder(shot.id, index + 1)}>↓</button>
          <button title="Duplicate" onClick={() => duplicate(shot.id)}>Dup</button>
          <button title="Delete shot" onClick={() => deleteShot(shot.id)}>✕</button>
        </div>
        {shot.description ? <div className="shot-words" data-testid="shot-words" title="the shot in words">“{shot.description}”</div> : null}
        <textarea aria-label="Notes" placeholder="notes" key={`t${shot.notes}`} defaultValue={shot.notes} rows={1} onBlur={(e) => e.target.value !== shot.notes && up({ notes: e.target.value.slice(0, 10_000) })} />
      </div>
    </div>
  );
}

export function ShotsPanel() {
  const scene = useActiveScene();
  const shots = orderedShots(scene);
  const thumbs = useShotThumbnails();
  const [strip, setStrip] = useState(false);
  useEditor((e) => e.selection);
  const coverLine = suggestedLine();
  return (
    <div className="shots" data-testid="shots">
      <div className="row">
        <button data-testid="add-shot" onClick={() => addShot()}>+ Shot</button>
        <button onClick={() => renumber()} disabled={!shots.length}>Renumber</button>
        <button data-testid="cover-selection" disabled={!coverLine?.startsWith('cover ')} title="Master, two singles and two over-the-shoulders of the two selected actors (one undo step)" onClick={() => coverLine && applyWords(coverLine)}>Cover selection</button>
        <label><input type="checkbox" checked={strip} onChange={(e) => setStrip(e.target.checked)} /> storyboard strip</label>
      </div>
      <ShotExports />
      {shots.length === 0 ? <div className="empty">No shots yet. Select a camera, put the playhead at the first frame and press + Shot.</div> : null}
      {strip ? (
        <div className="storyboard-strip" data-testid="storyboard-strip">
          {shots.map((s) => (
            <figure key={s.id} onClick={() => gotoShot(s.id)}>
              {thumbs[s.id] ? <img src={thumbs[s.id]} alt={`Shot ${s.number}`} /> : <div className="shot-thumb" />}
              <figcaption>{s.number} · {s.size ?? ''} {s.out - s.in}fr{s.description ? <div className="shot-words">“{s.description}”</div> : null}</figcaption>
            </figure>
          ))}
        </div>
      ) : (
        shots.map((s, i) => <ShotRowEditor key={s.id} shot={s} index={i} count={shots.length} thumb={thumbs[s.id]} />)
      )}
    </div>
  );
}
