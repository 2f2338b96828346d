import { commandBar, suggestedLine } from './shotWords';

/** Toolbar button: the command bar, with "cover A and B" ready when two actors are selected. */
export function ShotWordsButton() {
  return (
    <button data-testid="shot-words-button" title="Shot from words (/)" onClick={() => commandBar.getState().show(commandBar.getState().text || suggestedLine())}>
      Shot from words…
    </button>
  );
}
