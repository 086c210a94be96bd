import { Badge, Button, Card } from "@tessera/ui";
import { useState } from "react";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";

/**
 * One mail as it was rendered for its last attempt. The HTML is the customer's content in
 * their branding: shown in an iframe sandboxed of everything (no scripts, no same origin).
 */
export const SentEmailDetail = ({ id }: { id: string }) => {
  const dates = useDateFormat();
  const mail = trpc.mail.get.useQuery({ id });
  const [plain, setPlain] = useState(false);
  return (
    <Card
      title={mail.data?.subject ?? "Mail"}
      actions={
        <Button variant="secondary" aria-pressed={plain} onClick={() => setPlain(!plain)}>
          Plain text
        </Button>
      }
    >
      <QueryState query={mail}>
        {(data) => (
          <div className="space-y-4">
            <p className="text-sm text-fg-muted">
              To {data.toAddress} · {data.category} · {data.template}
            </p>
            {data.html === null ? (
              <p className="text-sm text-fg-muted">
                Not rendered yet, or not kept (a one-time link sent over SMTP is not stored).
              </p>
            ) : plain ? (
              <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap rounded bg-surface-muted p-3 text-xs text-fg">
                {data.text}
              </pre>
            ) : (
              <iframe
                title={`Mail to ${data.toAddress}`}
                sandbox=""
                srcDoc={data.html}
                className="h-[32rem] w-full rounded border border-line bg-white"
              />
            )}
            <h3 className="text-sm font-semibold text-fg">Attempts</h3>
            {data.attempts.length === 0 ? (
              <p className="text-sm text-fg-muted">None yet.</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {data.attempts.map((attempt) => (
                  <li key={attempt.attempt} className="flex flex-wrap items-center gap-2">
                    <time dateTime={new Date(attempt.startedAt).toISOString()}>
                      {dates.instant(attempt.startedAt)}
                    </time>
                    <Badge tone={attempt.ok ? "green" : "red"}>{attempt.ok ? "Accepted" : "Failed"}</Badge>
                    <span className="break-all font-mono text-xs text-fg-muted">
                      {attempt.response ?? "—"}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
      </QueryState>
    </Card>
  );
};
