import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** Whose mail this is: the organisation's branding where white-label is on, Tessera's otherwise. */
export interface MailBrand {
  companyName: string;
  /** Absolute URL, or null for a name-only header. */
  logoUrl: string | null;
  primaryColor: string;
}

interface LayoutProps {
  brand: MailBrand;
  /** The line mail clients show after the subject. */
  preview: string;
  /** Why this person got this mail, in the footer. */
  reason: string;
  /** Notifications only: one click stops this category. */
  unsubscribeUrl: string | null;
  children: ReactNode;
}

const page = { backgroundColor: "#f1f5f9", fontFamily: "Helvetica, Arial, sans-serif", margin: 0 };
const card = { backgroundColor: "#ffffff", borderRadius: "8px", margin: "24px auto", maxWidth: "560px" };
const footer = { color: "#475569", fontSize: "12px", lineHeight: "18px" };

/** The frame of every mail: the brand's header bar, the content, and why it was sent. */
export const MailLayout = ({ brand, preview, reason, unsubscribeUrl, children }: LayoutProps) => (
  <Html lang="en">
    <Head />
    <Preview>{preview}</Preview>
    <Body style={page}>
      <Container style={card}>
        <Section
          style={{ backgroundColor: brand.primaryColor, borderRadius: "8px 8px 0 0", padding: "16px 24px" }}
        >
          {brand.logoUrl ? (
            <Img src={brand.logoUrl} alt={brand.companyName} height="32" />
          ) : (
            <Text style={{ color: "#ffffff", fontSize: "18px", fontWeight: 600, margin: 0 }}>
              {brand.companyName}
            </Text>
          )}
        </Section>
        <Section style={{ padding: "8px 24px 16px" }}>{children}</Section>
        <Hr />
        <Section style={{ padding: "0 24px 16px" }}>
          <Text style={footer}>{reason}</Text>
          {unsubscribeUrl && (
            <Text style={footer}>
              <Link href={unsubscribeUrl}>Unsubscribe</Link> from these emails, or choose which you get in
              your account's notification settings.
            </Text>
          )}
        </Section>
      </Container>
    </Body>
  </Html>
);
