// The export panel: choose formats, shots and purpose; export through the disclosure gate with progress and
// cancel; download the files (each with its sidecar). A refused deliverable shows every blocking layer and why.
import { useMemo, useRef, useState } from 'react';
import { projectStore, useProject } from '../../store/projectStore';
import { FieldError } from '../forms/FieldError';
import { editorStore } from '../../store/editorStore';
import { downloadBytes } from '../../store/projectFile';
import { EXPORT_FORMATS, runExport, shotsOf, type ExportFile, type ExportFormat } from './exportService';
import { VerifyDropZone } from './VerifyDropZone';
import { RefusalList } from './RefusalList';
import type { GateRefusal } from '../../core/disclosure';
import './exportHook';
import './export.css';

type Refused = { reason: string; refusals: GateRefusal[]; projectId: string };
/** the last refusal outlives the panel: following a link to fix one reason and coming back keeps the list */
let lastRefused: Refused | null = null;

export function ExportPanel() {
  const [formats, setFormats] = useState<ExportFormat[]>(['png', 'glb', 'report']);
  const [purpose, setPurpose] = useState<'previs' | 'deliverable'>('previs');
  const [shots, setShots] = useState('');
  const [draft, setDraft] = useState(false);
  const [progress, setProgress] = useState<{ text: string; fraction: number } | null>(null);
  const [files, setFiles] = useState<ExportFile[]>([]);
  const [refused, setRefusedState] = useState<Refused | null>(() => (lastRefused?.projectId === projectStore.getState().project.id ? lastRefused : null));
  const setRefused = (r: Refused | null) => {
    lastRefused = r;
    setRefusedState(r);
  };
  const abort = useRef<AbortController | null>(null);
  const project = useProject((s) => s.project);
  const sceneId = useProject((s) => s.activeSceneId);
  const wantedShots = useMemo(() => shots.split(/[\s,]+/).filter(Boolean), [shots]);
  // the Shots field is checked as it is typed, with the sentence beside it
  const shotProblem = useMemo(() => {
    const r = shotsOf(project, sceneId, wantedShots);
    return typeof r === 'string' ? r : null;
  }, [project, sceneId, wantedShots]);

  const start = async () => {
    abort.current = new AbortController();
    setFiles([]);
    setRefused(null);
    setProgress({ text: 'starting', fraction: 0 });
    try {
      const r = await runExport({
        formats,
        purpose,
        draft: formats.includes('mp4') && draft,
        shots: wantedShots,
        signal: abort.current.signal,
        onProgress: (text, fraction) => setProgress({ text, fraction }),
      });
      if (r.ok) setFiles(r.files);
      else {
        setRefused({ reason: r.reason, refusals: r.refusals, projectId: projectStore.getState().project.id });
        // the notice is one line; the panel lists every reason with a link to where it is fixed
        const reasons = r.refusals.reduce((n, x) => n + x.blockers.length, 0);
        editorStore.getState().notify('error', r.refusals.length ? `Deliverable export refused: ${reasons} reason${reasons === 1 ? '' : 's'}, listed in the Export panel` : `Export refused: ${r.reason}`);
      }
    } catch (e) {
      const msg = (e as Error).name === 'AbortError' ? 'export cancelled' : `export failed: ${(e as Error).message}`;
      editorStore.getState().notify('error', msg);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  return (
    <div className="export-panel" data-testid="export-panel">
      <fieldset>
        <legend>Formats</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f}>
            <input
              type="checkbox"
              data-format={f}
              checked={formats.includes(f)}
              onChange={(e) => setFormats(e.target.checked ? [...formats, f] : formats.filter((x) => x !== f))}
            />{' '}
            {f === 'report' ? 'review report' : f.toUpperCase()}
          </label>
        ))}
      </fieldset>
      <FieldError text={formats.length === 0 ? 'Choose at least one format to export.' : undefined} />
      <fieldset>
        <legend>Purpose</legend>
        <label>
          <input type="radio" name="purpose" checked={purpose === 'previs'} onChange={() => setPurpose('previs')} /> previs
        </label>
        <label>
          <input type="radio" name="purpose" data-testid="purpose-deliverable" checked={purpose === 'deliverable'} onChange={() => setPurpose('deliverable')} /> deliverable
        </label>
      </fieldset>
      {formats.includes('mp4') && (
        <label title="Half size, DRAFT in the slate and the file name: for quick cuts, several times faster (not for delivery)">
          <input type="checkbox" data-testid="export-draft" checked={draft} onChange={(e) => setDraft(e.target.checked)} /> draft animatic (half size)
        </label>
      )}
      <label className="export-shots">
        Shots <input value={shots} placeholder="all (or 1, 2A…)" onChange={(e) => setShots(e.target.value)} aria-invalid={shotProblem ? true : undefined} />
      </label>
      <FieldError text={shotProblem ?? undefined} />
      <div className="export-actions">
        <button data-testid="export-start" disabled={!!progress || formats.length === 0 || !!shotProblem} onClick={() => void start()}>
          Export
        </button>
        {progress && <button onClick={() => abort.current?.abort()}>Cancel</button>}
      </div>
      {progress && (
        <div className="export-progress" data-testid="export-progress">
          <progress value={progress.fraction} max={1} /> {progress.text}
        </div>
      )}
      {refused &&
        (refused.refusals.length ? (
          <RefusalList refusals={refused.refusals} testId="export-refused" />
        ) : (
          <p className="export-refused bad" data-testid="export-refused">
            {refused.reason}
          </p>
        ))}
      {files.length > 0 && (
        <ul className="export-files" data-testid="export-files">
          {files.map((f) => (
            <li key={f.name}>
              <button onClick={() => downloadBytes(f.name, f.bytes, f.mime)}>⇩</button> {f.name}{' '}
              <span className="dim">{(f.bytes.length / 1024).toFixed(1)} KiB</span>
            </li>
          ))}
        </ul>
      )}
      <h4>Verify</h4>
      <VerifyDropZone />
    </div>
  );
}
