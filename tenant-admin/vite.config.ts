import { defineConfig } from 'vite';

// The app is served by the Kameng server under /admin/. Maven's build writes straight into the
// jar's META-INF/resources/admin/ (KAMENG_ADMIN_OUT); a plain `npm run build` writes dist/.
// `npm run dev` proxies the API and the runtime config to a running `./kameng run`.
const server = process.env.KAMENG_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/admin/',
  build: {
    outDir: process.env.KAMENG_ADMIN_OUT ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': server,
      '/admin/config.json': server,
    },
  },
});
