import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: {
      "/trpc": "http://127.0.0.1:3000",
      "/api": "http://127.0.0.1:3000",
      // Single sign-on's start and callback, and uploaded logos, are served by the API too.
      "/auth/sso": "http://127.0.0.1:3000",
      "/branding": "http://127.0.0.1:3000",
      "/healthz": "http://127.0.0.1:3000",
      "/readyz": "http://127.0.0.1:3000",
    },
  },
  build: {
    sourcemap: "hidden",
    rolldownOptions: {
      output: {
        // React and the router change rarely: their own chunk stays cached across releases.
        // Recharts is not listed: it stays in the chart chunk that loads on demand.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
