// Third-party notices for the built app, made at build time: rollup-plugin-license reports the npm packages
// whose code ends up in each bundle (the page and every worker build), this plugin merges those reports with
// the shipped models (their model cards' licences) and fonts (Noto Sans, SIL OFL 1.1, with its licence
// text) and writes dist/THIRD-PARTY-NOTICES.txt (people) and dist/licences.json (the About dialog).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import license from 'rollup-plugin-license';
import type { Plugin } from 'vite';

export interface NoticeEntry {
  kind: 'package' | 'model' | 'font';
  name: string;
  version: string;
  licence: string;
  source: string;
  /** the licence text as the package ships it (absent when it ships none) */
  text: string | null;
}

const require = createRequire(import.meta.url);
const collected = new Map<string, NoticeEntry>();

/** A rollup-plugin-license instance that adds what one bundle (page or worker) uses to the merged list. */
export function bundleLicences(): Plugin {
  return license({
    thirdParty: {
      includePrivate: false,
      output: (deps) => {
        for (const d of deps) {
          if (!d.name) continue;
          const repo = typeof d.repository === 'string' ? d.repository : d.repository?.url;
          collected.set(`${d.name}@${d.version}`, {
            kind: 'package',
            name: d.name,
            version: d.version ?? '',
            licence: d.license ?? 'UNKNOWN',
            source: d.homepage ?? repo ?? `npm ${d.name}`,
            text: [d.licenseText, d.noticeText].filter(Boolean).join('\n\n') || null,
          });
        }
      },
    },
  }) as Plugin;
}

function modelEntries(root: string): NoticeEntry[] {
  const out: NoticeEntry[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory() && e.name !== 'testdata') walk(p);
      else if (e.name.endsWith('.card.json')) {
        const c = JSON.parse(readFileSync(p, 'utf8'));
        const src = c.source ?? {};
        out.push({
          kind: 'model',
          name: c.id,
          version: String(c.version ?? ''),
          licence: String(c.license ?? 'UNKNOWN'),
          source: src.package ? `npm ${src.package}@${src.version ?? ''}${src.upstream ? ` (upstream: ${src.upstream})` : ''}` : String(src.kind ?? 'authored in this repository'),
          text: null,
        });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

function fontEntries(): NoticeEntry[] {
  const pkgDir = resolve(require.resolve('@expo-google-fonts/noto-sans/package.json'), '..');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  return [
    {
      kind: 'font',
      name: 'Noto Sans (Regular, Bold)',
      version: `${pkg.name}@${pkg.version}`,
      licence: 'OFL-1.1',
      source: 'Google Fonts build, via npm @expo-google-fonts/noto-sans; embedded as subsets in exported PDFs',
      text: readFileSync(join(pkgDir, 'LICENSE_FONT'), 'utf8'),
    },
  ];
}

export function noticesText(entries: NoticeEntry[]): string {
  const head = `Previs Sandbox — third-party notices\n${entries.length} components: npm packages in the built app and its workers, models, fonts.\n`;
  const body = entries.map((e) => [`${'='.repeat(72)}`, `${e.name} ${e.version} (${e.kind})`, `Licence: ${e.licence}`, `Source: ${e.source}`, '', e.text ?? '(no licence text shipped with this component; see its source)'].join('\n'));
  return `${head}\n${body.join('\n\n')}\n`;
}

/** Writes the merged notices after the page's bundle (the workers are built while it is). */
export function licenceNotices(modelsDir: string): Plugin {
  let outDir = 'dist';
  return {
    name: 'previs-licence-notices',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const packages = [...collected.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
      if (!packages.length) throw new Error('licence notices: rollup-plugin-license reported no packages');
      const entries = [...packages, ...modelEntries(modelsDir), ...fontEntries()];
      writeFileSync(join(outDir, 'licences.json'), JSON.stringify({ generated: 'at build time by rollup-plugin-license + model cards + font licences', entries }, null, 1));
      writeFileSync(join(outDir, 'THIRD-PARTY-NOTICES.txt'), noticesText(entries));
      this.info?.(`licence notices: ${packages.length} packages, ${entries.length - packages.length} models and fonts`);
    },
  };
}
