import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const box = {
  fontFamily: "Helvetica, Arial, sans-serif",
  maxWidth: "32rem",
  margin: "4rem auto",
  padding: "1.5rem",
  border: "1px solid #cbd5e1",
  borderRadius: "8px",
  color: "#0f172a",
};
export const button = {
  backgroundColor: "#4f46e5",
  border: 0,
  borderRadius: "6px",
  color: "#ffffff",
  fontSize: "1rem",
  padding: "0.6rem 1.1rem",
  cursor: "pointer",
};

/** Server-rendered by React, so every value (address, category) is escaped. */
export const page = (title: string, children: ReactNode) =>
  `<!doctype html>${renderToStaticMarkup(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
      </head>
      <body>
        <main style={box}>
          <h1 style={{ fontSize: "1.4rem", marginTop: 0 }}>{title}</h1>
          {children}
        </main>
      </body>
    </html>,
  )}`;

interface Subscription {
  category: string;
  address: string;
}

const categoryName = (category: string) => `${category.charAt(0)}${category.slice(1).toLowerCase()}`;

/** Confirm before changing anything: link scanners follow GET links, only a POST unsubscribes. */
export const confirmPage = (subscription: Subscription, action: string) =>
  page(
    "Unsubscribe",
    <>
      <p>
        Stop {categoryName(subscription.category)} emails to <strong>{subscription.address}</strong>?
      </p>
      <p>Security emails (sign-in and password) keep coming: they cannot be switched off.</p>
      <form method="post" action={action}>
        <button type="submit" style={button}>
          Unsubscribe
        </button>
      </form>
    </>,
  );

export const donePage = (subscription: Subscription) =>
  page(
    "You are unsubscribed",
    <>
      <p>
        {subscription.address} gets no more {categoryName(subscription.category)} emails.
      </p>
      <p>You can switch them on again in your account's notification settings.</p>
    </>,
  );

export const invalidPage = () =>
  page(
    "This link is not valid",
    <p>The unsubscribe link is incomplete or was changed. Nothing was changed.</p>,
  );
