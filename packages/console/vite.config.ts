import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

/**
 * The apps list is the page a signed-in tab opens on (DESIGN §9: ≤ 1 s to the list), but its chunk and the
 * table's are lazy, so the browser would ask for them only once the shell had run. Preloading them from the
 * HTML lets them download and compile while the shell does. The sign-in page fetches them too: the list is
 * where it leads.
 */
function preloadFirstPage(entry: string): Plugin {
  return {
    name: 'minirelease:preload-first-page',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html; // the dev server: nothing is bundled
        const page = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(entry),
        );
        if (!page) throw new Error(`preload-first-page: no chunk for ${entry}`);
        const files = new Set<string>();
        const visit = (name: string) => {
          const c = bundle[name];
          if (files.has(name) || c?.type !== 'chunk') return;
          files.add(name);
          for (const i of c.imports) visit(i);
        };
        visit(page.fileName);
        return [...files]
          .filter((f) => !html.includes(`/${f}"`))
          .map(
            (f): HtmlTagDescriptor => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` },
              injectTo: 'head',
            }),
          );
      },
    },
  };
}

// Hashed file names under assets/: the server caches them as immutable (docs/architecture.md, "The console").
export default defineConfig({
  plugins: [react(), preloadFirstPage('/src/pages/AppsList/AppsList.tsx')],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
});
