// The models installed with the app: every `models/**/<id>.card.json` with its `<id>.onnx` beside it, bundled
// by Vite as same-origin assets (never fetched from anywhere else). A card that fails validation is listed with
// its errors instead of breaking the list.
import { validateCard, type ModelCard } from './modelCard';

// faceres (age and identity, models/face) has no verifiable statement of what it was trained on, so it is not
// part of the app: it stays a development-time evaluation tool that tests and `npm run eval:deage` load from
// disk (models/face/faceres.ts). The build never sees its card, weights or test input.
const cardFiles = import.meta.glob(['/models/**/*.card.json', '!/models/face/faceres.card.json'], { eager: true, import: 'default' }) as Record<string, unknown>;
const modelUrls = import.meta.glob(['/models/**/*.onnx', '!/models/face/faceres.onnx'], { eager: true, query: '?url', import: 'default' }) as Record<string, string>;
const assetUrls = import.meta.glob(['/models/**/testdata/*', '!/models/face/testdata/astronaut-face-224.f32'], { eager: true, query: '?url', import: 'default' }) as Record<string, string>;

export interface RegistryEntry {
  /** path of the card inside the repository, e.g. /models/procedural/gauss-blur.card.json */
  cardPath: string;
  card: ModelCard | null;
  errors: string[];
  /** URL the .onnx is served at (same origin) */
  modelUrl: string | null;
}

function build(): RegistryEntry[] {
  return Object.entries(cardFiles)
    .filter(([path]) => !path.startsWith('/models/lib/'))
    .map(([cardPath, json]) => {
      const parsed = validateCard(json);
      const onnxPath = cardPath.replace(/\.card\.json$/, '.onnx');
      const modelUrl = modelUrls[onnxPath] ?? null;
      const errors = parsed.ok ? [] : parsed.errors;
      if (!modelUrl) errors.push(`no ${onnxPath} next to the card`);
      return { cardPath, card: parsed.ok ? parsed.card : null, errors, modelUrl };
    })
    .sort((a, b) => a.cardPath.localeCompare(b.cardPath));
}

let entries: RegistryEntry[] | null = null;

export function installedModels(): RegistryEntry[] {
  entries ??= build();
  return entries;
}

export function findInstalled(id: string): RegistryEntry & { card: ModelCard; modelUrl: string } {
  const hit = installedModels().find((e) => e.card?.id === id);
  if (!hit || !hit.card || !hit.modelUrl) throw new Error(`no installed model with id "${id}"`);
  if (hit.errors.length) throw new Error(`installed model "${id}" is broken: ${hit.errors.join('; ')}`);
  return hit as RegistryEntry & { card: ModelCard; modelUrl: string };
}

/** URL of a file the card refers to (test inputs), resolved against the card's folder. */
export function assetUrl(cardPath: string, relative: string): string | null {
  const dir = cardPath.slice(0, cardPath.lastIndexOf('/') + 1);
  const parts: string[] = [];
  for (const seg of (dir + relative).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return assetUrls['/' + parts.join('/')] ?? null;
}
