// Export buttons with a progress bar and Cancel. One job at a time; a failure is shown, nothing is lost.
import { useRef, useState } from 'react';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { registerTestHook } from '../../testHook';
import { download, exportAnimatic, exportEdl, exportOtio, exportShotListCsv, exportShotListJson, exportStoryboard, type ExportFile, type JobHooks } from './shotExports';
import { exportStoryboardPdf } from './storyboardPdf';

type Job = (hooks: JobHooks) => Promise<ExportFile> | ExportFile;

/** Last finished export, for the e2e test to read the real bytes. */
export const lastExport: { file: ExportFile | null } = { file: null };
registerTestHook('lastExport', lastExport);

const SIZES = { '1920×1080': [1920, 1080], '1280×720': [1280, 720], '3840×2160': [3840, 2160] } as const;

export function ShotExports() {
  const [progress, setProgress] = useState<{ label: string; fraction: number; message: string } | null>(null);
  const [burnIn, setBurnIn] = useState(true);
  // a draft renders half the width and height (a quarter of the pixels) and says DRAFT in its slate
  const [draft, setDraft] = useState(false);
  const [size, setSize] = useState<keyof typeof SIZES>('1920×1080');
  const [keyCount, setKeyCount] = useState(2);
  const abort = useRef<AbortController | null>(null);

  const start = async (label: string, job: Job) => {
    if (abort.current) return;
    const ctl = new AbortController();
    abort.current = ctl;
    setProgress({ label, fraction: 0, message: 'starting' });
    try {
      const file = await job({ signal: ctl.signal, onProgress: (fraction, message) => setProgress({ label, fraction, message }) });
      lastExport.file = file;
      download(file);
      editorStore.getState().notify('info', `${label}: saved ${file.name} (${(file.bytes.length / 1024).toFixed(0)} KB)`);
    } catch (e) {
      const err = e as Error;
      if (err.name === 'AbortError') editorStore.getState().notify('info', `${label}: cancelled`);
      else editorStore.getState().notify('error', `${label} failed: ${err.message}`);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };
  const ctx = () => {
    const { project, activeSceneId } = projectStore.getState();
    return { p: project, sceneId: activeSceneId };
  };
  const busy = progress !== null;
  const [w, h] = SIZES[size];
  return (
    <div className="shot-exports">
      <div className="row">
        <button disabled={busy} data-testid="export-storyboard" onClick={() => start('Storyboard', (hk) => exportStoryboard(ctx().p, ctx().sceneId, hk))}>Storyboard</button>
        <button
          disabled={busy}
          data-testid="export-storyboard-pdf"
          title="Storyboard sheets as a multi-panel PDF (A4 landscape)"
          onClick={() =>
            start('Storyboard PDF', async (hk) => {
              const r = await exportStoryboardPdf(ctx().p, ctx().sceneId, hk, 'A4', 960, keyCount);
              if (r.substitutions.size) {
                const list = [...r.substitutions].map(([c, as]) => `${c}→${as}`).join(' ');
                editorStore.getState().notify('warning', `Storyboard PDF: the embedded Noto Sans has no glyph for some characters (CJK needs a CJK font; see README); printed instead: ${list}`);
              }
              return r.file;
            })
          }
        >
          Storyboard PDF
        </button>
        <select value={keyCount} onChange={(e) => setKeyCount(Number(e.target.value))} data-testid="storyboard-key-frames" title="Frames a moving shot's panel shows" aria-label="frames per moving shot">
          {[2, 3, 4].map((n) => (
            <option key={n} value={n}>{n === 2 ? 'start + end' : `${n} key frames`}</option>
          ))}
        </select>
        <button disabled={busy} onClick={() => start('Shot list CSV', () => exportShotListCsv(ctx().p, ctx().sceneId))}>CSV</button>
        <button disabled={busy} onClick={() => start('Shot list JSON', () => exportShotListJson(ctx().p, ctx().sceneId))}>JSON</button>
        <button disabled={busy} data-testid="export-otio" onClick={() => start('OpenTimelineIO', () => exportOtio(ctx().p, ctx().sceneId))}>OTIO</button>
        <button disabled={busy} data-testid="export-edl" title="CMX 3600 edit decision list of the cut" onClick={() => start('EDL', () => exportEdl(ctx().p, ctx().sceneId))}>EDL</button>
      </div>
      <div className="row">
        <button
          disabled={busy}
          data-testid="export-animatic"
          onClick={() => start('Animatic', (hk) => exportAnimatic(ctx().p, ctx().sceneId, { width: w, height: h, burnIn, draft }, hk))}
        >
          Animatic
        </button>
        <select value={size} onChange={(e) => setSize(e.target.value as keyof typeof SIZES)} aria-label="Animatic size">
          {Object.keys(SIZES).map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={burnIn || draft} disabled={draft} data-testid="burn-in" onChange={(e) => setBurnIn(e.target.checked)} /> burn-in slate
        </label>
        <label title="Half size, DRAFT in the slate and the file name: for quick cuts">
          <input type="checkbox" checked={draft} data-testid="animatic-draft" onChange={(e) => setDraft(e.target.checked)} /> draft
        </label>
      </div>
      {progress ? (
        <div className="row export-progress" data-testid="export-progress">
          <span>{progress.label}</span>
          <progress max={1} value={progress.fraction} />
          <span className="mono">{progress.message}</span>
          <button data-testid="export-cancel" onClick={() => abort.current?.abort()}>Cancel</button>
        </div>
      ) : null}
    </div>
  );
}
