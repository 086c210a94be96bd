import { type ButtonHTMLAttributes, type ReactNode, useEffect, useId, useRef } from "react";
import { apiProblem } from "../trpc.ts";

const cx = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ");

export const Button = ({
  variant = "primary",
  busy = false,
  className,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger";
  busy?: boolean;
}) => (
  <button
    type="button"
    {...props}
    disabled={props.disabled || busy}
    aria-busy={busy || undefined}
    className={cx(
      "inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60",
      variant === "primary" && "bg-brand-600 text-white hover:bg-brand-700 focus-visible:outline-brand-600",
      variant === "secondary" &&
        "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 focus-visible:outline-slate-500",
      variant === "danger" && "bg-red-700 text-white hover:bg-red-800 focus-visible:outline-red-700",
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

export const Card = ({
  title,
  actions,
  children,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) => (
  <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
    {(title || actions) && (
      <div className="mb-4 flex items-center justify-between gap-4">
        {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
        {actions}
      </div>
    )}
    {children}
  </section>
);

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
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
    </div>
    {actions}
  </div>
);

export const Alert = ({
  tone = "error",
  children,
}: {
  tone?: "error" | "success" | "info" | "warning";
  children: ReactNode;
}) => (
  <div
    role={tone === "error" ? "alert" : "status"}
    className={cx(
      "rounded-md border px-4 py-3 text-sm",
      tone === "error" && "border-red-200 bg-red-50 text-red-800",
      tone === "success" && "border-emerald-200 bg-emerald-50 text-emerald-800",
      tone === "info" && "border-sky-200 bg-sky-50 text-sky-900",
      tone === "warning" && "border-amber-200 bg-amber-50 text-amber-900",
    )}
  >
    {children}
  </div>
);

/** The error of a failed call, as the API worded it; nothing when there is none. */
export const ErrorAlert = ({ error }: { error: unknown }) => {
  const problem = apiProblem(error);
  return problem ? <Alert>{problem.message}</Alert> : null;
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
      tone === "slate" && "bg-slate-100 text-slate-700",
      tone === "green" && "bg-emerald-100 text-emerald-800",
      tone === "amber" && "bg-amber-100 text-amber-900",
      tone === "red" && "bg-red-100 text-red-800",
      tone === "blue" && "bg-sky-100 text-sky-800",
    )}
  >
    {children}
  </span>
);

export const Loading = ({ label = "Loading…" }: { label?: string }) => (
  <p className="flex items-center gap-2 py-6 text-sm text-slate-600" role="status">
    <span
      className="size-4 animate-spin rounded-full border-2 border-slate-400 border-t-transparent"
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
  if (query.error) return <ErrorAlert error={query.error} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
};

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
}: FieldProps) => {
  const id = useId();
  const describedBy =
    [error?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const className = cx(
    "mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-600",
    error?.length ? "border-red-400" : "border-slate-300",
  );
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required && (
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        )}
      </label>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          value={value}
          rows={4}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={Boolean(error?.length)}
          aria-describedby={describedBy}
          className={cx(className, "font-mono")}
          placeholder={placeholder}
        />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          value={value}
          required={required}
          autoComplete={autoComplete}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={Boolean(error?.length)}
          aria-describedby={describedBy}
          className={className}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error[0]}
        </p>
      ) : null}
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
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string[] | undefined;
}) => {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error?.length)}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-600"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error?.length ? <p className="mt-1 text-xs text-red-700">{error[0]}</p> : null}
    </div>
  );
};

export const Pagination = ({
  page,
  pageCount,
  total,
  onPage,
}: {
  page: number;
  pageCount: number;
  total: number;
  onPage: (page: number) => void;
}) => (
  <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
    <span>
      {total} in all · page {page} of {pageCount}
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

/** A modal confirmation using the native dialog element: focus is trapped and Escape cancels. */
export const ConfirmDialog = ({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  tone = "danger",
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  tone?: "danger" | "primary";
}) => {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onCancel={onCancel}
      aria-labelledby="confirm-title"
      className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-6">
        <h2 id="confirm-title" className="text-lg font-semibold">
          {title}
        </h2>
        <div className="mt-3 space-y-3 text-sm text-slate-700">{children}</div>
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant={tone} busy={busy} onClick={onConfirm}>
            {busy ? "Working…" : confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
};

export const formatDate = (value: Date | string | null | undefined) =>
  value ? new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—";

export const formatDay = (value: Date | string | null | undefined) =>
  value ? new Date(value).toLocaleDateString(undefined, { dateStyle: "medium" }) : "—";
