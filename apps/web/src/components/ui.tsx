import { type ButtonHTMLAttributes, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { apiProblem } from "../trpc.ts";

export const cx = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ");

export const Button = ({
  variant = "primary",
  busy = false,
  className,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger" | "ghost";
  busy?: boolean;
}) => (
  <button
    type="button"
    {...props}
    disabled={props.disabled || busy}
    aria-busy={busy || undefined}
    className={cx(
      "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60",
      variant === "primary" &&
        "bg-brand text-on-brand shadow-sm hover:bg-brand-hover focus-visible:outline-brand",
      variant === "secondary" &&
        "border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 text-slate-800 dark:text-slate-200 shadow-sm hover:bg-slate-50 dark:hover:bg-slate-800 focus-visible:outline-slate-500",
      variant === "danger" &&
        "bg-red-700 text-white shadow-sm hover:bg-red-800 focus-visible:outline-red-700",
      variant === "ghost" &&
        "text-slate-700 dark:text-slate-300 hover:bg-slate-100 dark:hover:bg-slate-800 focus-visible:outline-slate-500",
      className,
    )}
  >
    {busy && (
      <span
        className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent"
        aria-hidden
      />
    )}
    {children}
  </button>
);

/** Classes that make a router link look like the secondary button. */
export const SECONDARY_LINK =
  "inline-flex items-center justify-center rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 text-sm font-medium text-slate-800 dark:text-slate-200 shadow-sm hover:bg-slate-50 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-500";

/** Classes that make a router link look like the primary button. */
export const PRIMARY_LINK =
  "inline-flex items-center justify-center rounded-md bg-brand px-3 py-2 text-sm font-medium text-on-brand shadow-sm hover:bg-brand-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand";

/** A panel; with a title it is a region named by that title. */
export const Card = ({
  title,
  actions,
  children,
}: {
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
}) => {
  const titleId = useId();
  return (
    <section
      aria-labelledby={title ? titleId : undefined}
      className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-5 shadow-sm"
    >
      {(title || actions) && (
        <div className="mb-4 flex items-center justify-between gap-4">
          {title && (
            <h2 id={titleId} className="text-base font-semibold text-slate-900 dark:text-slate-100">
              {title}
            </h2>
          )}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
};

export const PageHeader = ({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) => (
  <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-100">{title}</h1>
      {description && <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{description}</p>}
    </div>
    {actions}
  </div>
);

export const Alert = ({
  tone = "error",
  title,
  children,
}: {
  tone?: "error" | "success" | "info" | "warning";
  title?: ReactNode;
  children: ReactNode;
}) => (
  <div
    role={tone === "error" ? "alert" : "status"}
    className={cx(
      "rounded-md border px-4 py-3 text-sm",
      tone === "error" &&
        "border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-300",
      tone === "success" &&
        "border-emerald-200 dark:border-emerald-800 bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-300",
      tone === "info" &&
        "border-sky-200 dark:border-sky-800 bg-sky-50 dark:bg-sky-950 text-sky-900 dark:text-sky-200",
      tone === "warning" &&
        "border-amber-200 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 text-amber-900 dark:text-amber-200",
    )}
  >
    {title && <p className="font-semibold">{title}</p>}
    {children}
  </div>
);

/** What to do next, for the errors where the API's message alone leaves the user stuck. */
const NEXT_STEP: Record<string, string> = {
  LAST_OWNER: "Make another active member an owner first, then try again.",
  FORBIDDEN: "Your role does not allow this. Ask an administrator.",
  UNAUTHENTICATED: "Your session has ended. Sign in again.",
  STALE_VERSION: "Someone changed this at the same time; the page now shows the latest data.",
  INTERNAL: "Something went wrong on our side. Try again in a moment.",
};

/** The error of a failed call, as the API worded it, with a next step where one helps. */
export const ErrorAlert = ({ error, title }: { error: unknown; title?: string }) => {
  const problem = apiProblem(error);
  if (!problem) return null;
  const next = NEXT_STEP[problem.code];
  return (
    <Alert title={title}>
      <p data-error-code={problem.code}>{problem.message}</p>
      {next && <p className="mt-1">{next}</p>}
    </Alert>
  );
};

export const Badge = ({
  tone = "slate",
  children,
}: {
  tone?: "slate" | "green" | "amber" | "red" | "blue";
  children: ReactNode;
}) => (
  <span
    className={cx(
      "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium",
      tone === "slate" && "bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300",
      tone === "green" && "bg-emerald-100 dark:bg-emerald-900 text-emerald-800 dark:text-emerald-300",
      tone === "amber" && "bg-amber-100 dark:bg-amber-900 text-amber-900 dark:text-amber-200",
      tone === "red" && "bg-red-100 dark:bg-red-900 text-red-800 dark:text-red-300",
      tone === "blue" && "bg-sky-100 dark:bg-sky-900 text-sky-800 dark:text-sky-300",
    )}
  >
    {children}
  </span>
);

export const Loading = ({ label = "Loading…" }: { label?: string }) => (
  <p className="flex items-center gap-2 py-6 text-sm text-slate-600 dark:text-slate-300" role="status">
    <span
      className="size-4 animate-spin rounded-full border-2 border-slate-400 dark:border-slate-500 border-t-transparent"
      aria-hidden
    />
    {label}
  </p>
);

/** Loading and error states of a query, then its content. */
export const QueryState = <T,>({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  children: (data: T) => ReactNode;
}) => {
  if (query.error) return <ErrorAlert error={query.error} title="Could not load this" />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
};

const INPUT =
  "mt-1 block w-full rounded-md border bg-white dark:bg-slate-900 px-3 py-2 text-sm text-slate-900 dark:text-slate-100 shadow-sm focus:outline-2 focus:outline-offset-0 focus:outline-brand disabled:bg-slate-100 dark:disabled:bg-slate-800";

const describedBy = (id: string, error: string[] | undefined, hint: ReactNode) =>
  [error?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;

const FieldHelp = ({ id, error, hint }: { id: string; error: string[] | undefined; hint: ReactNode }) => (
  <>
    {hint && (
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {hint}
      </p>
    )}
    {error?.length ? (
      <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
        {error[0]}
      </p>
    ) : null}
  </>
);

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string[] | undefined;
  type?: string;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  multiline?: boolean;
  placeholder?: string;
  disabled?: boolean;
}

export const Field = ({
  label,
  name,
  value,
  onChange,
  error,
  type = "text",
  hint,
  required,
  autoComplete,
  multiline,
  placeholder,
  disabled,
}: FieldProps) => {
  const id = useId();
  const common = {
    id,
    name,
    value,
    placeholder,
    disabled,
    "aria-invalid": Boolean(error?.length),
    "aria-describedby": describedBy(id, error, hint),
  };
  const border = error?.length ? "border-red-500" : "border-slate-300 dark:border-slate-600";
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
        {required && (
          <span aria-hidden="true" className="text-red-700 dark:text-red-400">
            {" "}
            *
          </span>
        )}
      </label>
      {multiline ? (
        <textarea
          {...common}
          rows={5}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          className={cx(INPUT, border, "font-mono")}
        />
      ) : (
        <input
          {...common}
          type={type}
          required={required}
          autoComplete={autoComplete}
          onChange={(event) => onChange(event.target.value)}
          className={cx(INPUT, border)}
        />
      )}
      <FieldHelp id={id} error={error} hint={hint} />
    </div>
  );
};

export const Select = ({
  label,
  name,
  value,
  onChange,
  options,
  error,
  hint,
  disabled,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string[] | undefined;
  hint?: ReactNode;
  disabled?: boolean;
}) => {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error?.length)}
        aria-describedby={describedBy(id, error, hint)}
        className={cx(INPUT, error?.length ? "border-red-500" : "border-slate-300 dark:border-slate-600")}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldHelp id={id} error={error} hint={hint} />
    </div>
  );
};

export const Pagination = ({
  page,
  pageCount,
  total,
  onPage,
  noun = "items",
}: {
  page: number;
  pageCount: number;
  total: number;
  onPage: (page: number) => void;
  noun?: string;
}) => (
  <nav
    aria-label="Pagination"
    className="mt-4 flex items-center justify-between text-sm text-slate-600 dark:text-slate-300"
  >
    <span>
      {total} {noun} · page {Math.min(page, Math.max(pageCount, 1))} of {Math.max(pageCount, 1)}
    </span>
    <div className="flex gap-2">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Button variant="secondary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </div>
  </nav>
);

/** A modal confirmation on the native dialog element: focus stays inside and Escape cancels. */
export const ConfirmDialog = ({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  busyLabel = "Working…",
  tone = "danger",
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  busyLabel?: string;
  tone?: "danger" | "primary";
}) => {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      aria-labelledby={titleId}
      className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100 dark:ring-1 dark:ring-slate-700 dark:backdrop:bg-black/60"
    >
      {open && (
        <div className="p-6">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900 dark:text-slate-100">
            {title}
          </h2>
          <div className="mt-3 space-y-3 text-sm text-slate-700 dark:text-slate-300">{children}</div>
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
            <Button variant={tone} busy={busy} onClick={onConfirm}>
              {busy ? busyLabel : confirmLabel}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
};

export const formatDate = (value: Date | string | null | undefined) =>
  value ? new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—";

export const formatDay = (value: Date | string | null | undefined) =>
  value ? new Date(value).toLocaleDateString(undefined, { dateStyle: "medium" }) : "—";

/** An on/off control: a checkbox announced as a switch, with its label and an optional hint. */
export const Switch = ({
  label,
  checked,
  onChange,
  hint,
  disabled,
  busy,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
  busy?: boolean;
}) => {
  const id = useId();
  // The position asked for shows at once (a controlled box would otherwise snap back until
  // the caller's state catches up); it gives way to `checked` when the work is done.
  const [requested, setRequested] = useState<boolean | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `checked` also settles the request
  useEffect(() => {
    if (!busy) setRequested(null);
  }, [busy, checked]);
  const shown = requested ?? checked;
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={shown}
        aria-checked={shown}
        disabled={disabled || busy}
        aria-busy={busy || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          setRequested(event.target.checked);
          onChange(event.target.checked);
        }}
        className="relative mt-0.5 h-6 w-11 shrink-0 cursor-pointer appearance-none rounded-full bg-slate-400 transition-colors dark:bg-slate-500 before:absolute before:top-0.5 before:left-0.5 before:size-5 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-brand checked:before:translate-x-5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:cursor-not-allowed disabled:opacity-60"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
};
