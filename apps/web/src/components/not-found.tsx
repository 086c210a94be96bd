import { Link } from "react-router";
import { PageHeader } from "./page-header.tsx";

export interface NotFoundLink {
  to: string;
  label: string;
}

/** The home of the area an address is in, as a way back from a page that is not there. */
export const areaHomeLink = (pathname: string): NotFoundLink =>
  pathname === "/portal" || pathname.startsWith("/portal/")
    ? { to: "/portal", label: "Go to your organisation" }
    : { to: "/console", label: "Go to the console overview" };

/**
 * The one view for "not here": an unknown address or a record that does not exist (or that
 * this user may not see, which the API answers the same way), always with links back.
 */
export const NotFound = ({
  title = "Page not found",
  message,
  links,
}: {
  title?: string;
  message: string;
  links: NotFoundLink[];
}) => (
  <div data-testid="not-found">
    <PageHeader title={title} description={message} />
    <nav aria-label="Ways back">
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {links.map((link) => (
          <li key={link.to}>
            <Link
              to={link.to}
              className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  </div>
);
