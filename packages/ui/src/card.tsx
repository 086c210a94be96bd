import { type ReactNode, useId } from "react";

/**
 * A panel; with a title it is a region named by that title. It may shrink below its content in a
 * grid or flex row (min-w-0), so a wide table scrolls inside it instead of widening the page.
 */
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
      className="min-w-0 rounded-lg border border-line bg-surface p-5 shadow-sm"
    >
      {(title || actions) && (
        <div className="mb-4 flex items-center justify-between gap-4">
          {title && (
            <h2 id={titleId} className="text-base font-semibold text-fg">
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
