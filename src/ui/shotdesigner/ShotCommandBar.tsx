// The shot command bar over the viewport ("/" opens it): type a shot in words, see it parsed as chips, press
// Enter to make it. A word the grammar does not know is shown with the nearest word it does, one click away.
import { useMemo } from 'react';
import { applyWords, commandBar, previewWords, useCommandBar } from './shotWords';
import './shotDesigner.css';

export function ShotCommandBar() {
  const open = useCommandBar((s) => s.open);
  const text = useCommandBar((s) => s.text);
  const preview = useMemo(() => (text.trim() ? previewWords(text) : null), [text]);
  if (!open) return null;
  const apply = () => {
    if (applyWords(text).ok) {
      commandBar.getState().setText('');
      commandBar.getState().hide();
    }
  };
  const fix = (word: string, suggestion: string) => {
    // replace the first whole-word occurrence, whatever its case
    const re = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
    commandBar.getState().setText(text.replace(re, suggestion));
  };
  return (
    <div className="shot-command" data-testid="shot-command" role="dialog" aria-label="Shot from words">
      <input
        autoFocus
        data-testid="shot-command-input"
        placeholder='e.g. "low-angle MS on Ana, 35 mm" · "over Ben&apos;s shoulder onto Ana" · "cover Ana and Ben"'
        value={text}
        onChange={(e) => commandBar.getState().setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') commandBar.getState().hide();
          e.stopPropagation();
        }}
      />
      <div className="shot-command-parse" data-testid="shot-command-parse">
        {preview?.ok
          ? preview.chips.map((c, i) => (
              <span key={i} className={`chip chip-${c.kind}`} data-kind={c.kind}>{c.label}</span>
            ))
          : null}
        {preview && !preview.ok ? (
          <span className="shot-command-error" data-testid="shot-command-error">
            {preview.error}
            {preview.word && preview.suggestion ? <button onClick={() => fix(preview.word!, preview.suggestion!)}>use “{preview.suggestion}”</button> : null}
          </span>
        ) : null}
      </div>
      <div className="row">
        <button data-testid="shot-command-apply" disabled={!preview?.ok} onClick={apply}>Make shot ⏎</button>
        <button onClick={() => commandBar.getState().hide()}>Cancel (Esc)</button>
      </div>
    </div>
  );
}
