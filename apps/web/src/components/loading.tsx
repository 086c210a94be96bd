export const Loading = ({ label = "Loading…" }: { label?: string }) => (
  <p className="flex items-center gap-2 py-6 text-sm text-slate-600 dark:text-slate-300" role="status">
    <span
      className="size-4 animate-spin rounded-full border-2 border-slate-400 dark:border-slate-500 border-t-transparent"
      aria-hidden
    />
    {label}
  </p>
);
