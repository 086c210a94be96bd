import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import "./styles.css";
import { ThemeProvider } from "./theme/theme-provider.tsx";
import { queryClient, TRPCProvider, trpcClient } from "./trpc.ts";

const root = document.getElementById("root");
if (!root) throw new Error("no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <ThemeProvider>
          <App />
        </ThemeProvider>
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
