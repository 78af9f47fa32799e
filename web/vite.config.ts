/**
 * Vite configuration of the explorer (web/). `npx vite build --config web/vite.config.ts` writes web/dist, which the
 * server (src/server) serves at `/`. `npx vite --config web/vite.config.ts` serves the app for development and
 * proxies `/api` and `/health` to a running `shabaka serve` (SHABAKA_API, default http://127.0.0.1:3000).
 */
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.SHABAKA_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  root,
  base: "./",
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // No inline scripts or styles from Vite: the server's CSP is script-src 'self'.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes("@codemirror") || id.includes("@lezer") || id.includes("style-mod") || id.includes("crelt") || id.includes("w3c-keyname")) return "editor";
          if (id.includes("node_modules")) return "vendor";
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { "/api": api, "/health": api },
  },
});
