import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './electron/security.ts';

/** Builds the renderer into dist/renderer, loaded from file:// by Electron and served by the web transport. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    react(),
    {
      name: 'isopatch-content-security-policy',
      transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', META_CONTENT_SECURITY_POLICY),
    },
  ],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
