import type { ReactNode } from "react";
import { Link } from "react-router";
import { BrandMark } from "../components/brand-mark.tsx";
import { useTheme } from "../theme/theme-provider.tsx";

/** The signed-out pages' frame (invitation, reset): the brand, a title and one card, as sign-in looks. */
export const AccountFrame = ({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) => {
  const theme = useTheme();
  return (
    <main className="flex min-h-screen items-center justify-center bg-surface-muted px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-4 flex min-h-10 justify-center text-brand-ink">
          {theme && (
            <BrandMark companyName={theme.branding.companyName} logoSrc={theme.branding.logoSrc} size="lg" />
          )}
        </div>
        <h1 className="mb-1 text-center text-2xl font-semibold text-fg">{title}</h1>
        {intro && <p className="mb-6 text-center text-sm text-fg-muted">{intro}</p>}
        <div className="space-y-4 rounded-lg border border-line bg-surface p-6 shadow-sm">{children}</div>
        <p className="mt-4 text-center text-sm">
          <Link to="/sign-in" className="font-medium text-brand-ink underline">
            Back to sign-in
          </Link>
        </p>
      </div>
    </main>
  );
};

/** An expired, used, withdrawn or tampered link: the API's reason, and what to do next. */
export const LinkProblem = ({ message, title }: { message: string; title: string }) => (
  <AccountFrame title={title}>
    <p role="alert" className="text-sm text-fg">
      {message}
    </p>
  </AccountFrame>
);
