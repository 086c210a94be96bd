import { cx } from "@tessera/ui";

/** The organisation's logo and name (Tessera's by default): in the header, the sign-in page and the preview. */
export const BrandMark = ({
  companyName,
  logoSrc,
  size = "md",
  className,
}: {
  companyName: string;
  logoSrc: string | null | undefined;
  size?: "md" | "lg";
  className?: string;
}) => (
  <span className={cx("flex min-w-0 items-center gap-2", className)}>
    {logoSrc && (
      // The name stands beside it, so the image itself says nothing more.
      <img
        src={logoSrc}
        alt=""
        className={cx(
          "w-auto shrink-0 rounded bg-white object-contain p-0.5",
          size === "lg" ? "h-10 max-w-40" : "h-8 max-w-32",
        )}
      />
    )}
    <span
      data-testid="brand-name"
      className={cx("truncate font-bold tracking-tight", size === "lg" ? "text-xl" : "text-lg")}
    >
      {companyName}
    </span>
  </span>
);
