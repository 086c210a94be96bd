import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cx } from "./class-names.ts";

type Tone = "error" | "success" | "info" | "warning";

const TONES: Record<Tone, { classes: string; Icon: typeof Info }> = {
  error: { classes: "border-danger-line bg-danger-soft text-danger-fg", Icon: CircleAlert },
  success: { classes: "border-success-line bg-success-soft text-success-fg", Icon: CircleCheck },
  info: { classes: "border-info-line bg-info-soft text-info-fg", Icon: Info },
  warning: { classes: "border-warning-line bg-warning-soft text-warning-fg", Icon: TriangleAlert },
};

/** A message in the page: errors are announced at once (role alert), the rest politely (status). */
export const Alert = ({
  tone = "error",
  title,
  children,
}: {
  tone?: Tone;
  title?: ReactNode;
  children: ReactNode;
}) => {
  const { classes, Icon } = TONES[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx("flex gap-3 rounded-md border px-4 py-3 text-sm", classes)}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        {title && <p className="font-semibold">{title}</p>}
        {children}
      </div>
    </div>
  );
};
