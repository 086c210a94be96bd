import { Action, Paragraph, Title } from "./parts.tsx";
import { defineTemplate } from "./template.ts";

interface UsageAlertData {
  organizationName: string;
  metric: string;
  /** Percent of the limit: 80 or 100. */
  threshold: number;
  used: number;
  limit: number;
  /** The month, `2026-06`. */
  period: string;
  /** A forecast alert: the day usage is forecast to reach the threshold, `2026-06-10`. */
  reachesOn?: string;
}

const metricName = (metric: string) => metric.toLowerCase().replaceAll("_", " ");

/** Usage reached 80 % or 100 % of a limit: to the organisation's owners and admins, once per alert. */
export const usageAlert = defineTemplate<UsageAlertData>({
  subject: (data) =>
    data.reachesOn
      ? `${data.organizationName} is forecast to reach ${data.threshold} % of its ${metricName(data.metric)} limit on ${data.reachesOn}`
      : data.threshold >= 100
        ? `${data.organizationName} reached its ${metricName(data.metric)} limit`
        : `${data.organizationName} used ${data.threshold} % of its ${metricName(data.metric)} limit`,
  reason: (data) =>
    `You are an owner or admin of ${data.organizationName}, and they hear about usage limits.`,
  body: (data, { brand, link }) =>
    data.reachesOn ? (
      <>
        <Title>{`${data.threshold} % of a usage limit forecast for ${data.reachesOn}`}</Title>
        <Paragraph>
          {data.organizationName} now uses {data.used.toLocaleString("en-GB")} of{" "}
          {data.limit.toLocaleString("en-GB")} {metricName(data.metric)}. At the trend of recent days it will
          reach {data.threshold} % of the limit on {data.reachesOn}. Plan for more, or talk to your account
          manager, before then.
        </Paragraph>
        <Action brand={brand} href={link("/portal/usage")}>
          See the forecast
        </Action>
      </>
    ) : (
      <>
        <Title>
          {data.threshold >= 100 ? "A usage limit is reached" : `${data.threshold} % of a usage limit used`}
        </Title>
        <Paragraph>
          In {data.period}, {data.organizationName} used {data.used.toLocaleString("en-GB")} of{" "}
          {data.limit.toLocaleString("en-GB")} {metricName(data.metric)}.
          {data.threshold >= 100
            ? " Upgrade the license or talk to your account manager to raise the limit."
            : " You may want to plan for more before the limit is reached."}
        </Paragraph>
        <Action brand={brand} href={link("/portal/usage")}>
          See usage
        </Action>
      </>
    ),
});
