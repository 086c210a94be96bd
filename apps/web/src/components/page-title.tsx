import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { useLocation } from "react-router";
import { useTheme } from "../theme/theme-provider.tsx";

/** Lets a page that knows its record ("Northwind Academy") name the tab more closely. */
const RecordTitle = createContext<(name: string | null) => void>(() => {});

/**
 * The route table's title for one page: "<page> · Tessera console" in the console, and
 * "<page> · <brand>" elsewhere (the organisation's name once white-labelled, else Tessera).
 * One effect owns document.title, so a record name set below never races the page name.
 */
export const Titled = ({ page, children }: { page: string; children: ReactNode }) => {
  const [record, setRecord] = useState<string | null>(null);
  const { pathname } = useLocation();
  const brand = useTheme()?.branding.companyName ?? "Tessera";
  const where = pathname === "/console" || pathname.startsWith("/console/") ? "Tessera console" : brand;
  useEffect(() => {
    document.title = `${record ?? page} · ${where}`;
  }, [record, page, where]);
  return <RecordTitle.Provider value={setRecord}>{children}</RecordTitle.Provider>;
};

/** A page's more specific title while it shows a record; the route's page name once it leaves. */
export const useRecordTitle = (name: string | null | undefined) => {
  const setRecord = useContext(RecordTitle);
  useEffect(() => {
    if (!name) return;
    setRecord(name);
    return () => setRecord(null);
  }, [name, setRecord]);
};
