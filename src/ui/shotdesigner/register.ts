// Wires shot-from-words into the app: "/" opens the command bar, a toolbar button does too, and the bar is
// a layer over the viewport. Imported once from the inspector section registry.
import { shortcuts } from '../shortcuts';
import { toolbarItems } from '../Toolbar';
import { viewportExtensions } from '../../viewport/renderers';
import { CommandBarLayer } from './CommandBarLayer';
import { ShotWordsButton } from './ShotWordsButton';
import { commandBar, suggestedLine } from './shotWords';

let done = false;
export function registerShotDesigner(): void {
  if (done) return;
  done = true;
  shortcuts.push({
    keys: '/',
    description: 'Shot from words: open the command bar',
    run: (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.key !== '/') return false;
      commandBar.getState().show(commandBar.getState().text || suggestedLine());
      return true;
    },
  });
  toolbarItems.push({ id: 'shot-words', Component: ShotWordsButton });
  viewportExtensions.push({ id: 'shot-command-bar', Component: CommandBarLayer });
}
