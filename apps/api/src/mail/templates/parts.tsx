import { Button, Heading, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { MailBrand } from "./layout.tsx";

/** The pieces templates are written with, so every mail looks like one family. */
export const Title = ({ children }: { children: ReactNode }) => (
  <Heading as="h1" style={{ color: "#0f172a", fontSize: "20px", margin: "16px 0 8px" }}>
    {children}
  </Heading>
);

export const Paragraph = ({ children }: { children: ReactNode }) => (
  <Text style={{ color: "#1e293b", fontSize: "14px", lineHeight: "22px" }}>{children}</Text>
);

/** A call to action in the brand's colour; the link is absolute (see `MailContext.link`). */
export const Action = ({
  brand,
  href,
  children,
}: {
  brand: MailBrand;
  href: string;
  children: ReactNode;
}) => (
  <Button
    href={href}
    style={{
      backgroundColor: brand.primaryColor,
      borderRadius: "6px",
      color: "#ffffff",
      display: "inline-block",
      fontSize: "14px",
      fontWeight: 600,
      padding: "10px 18px",
    }}
  >
    {children}
  </Button>
);
