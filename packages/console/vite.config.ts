import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Hashed file names under assets/: the server caches them as immutable (docs/architecture.md, "The console").
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
});
