import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "../components/badge.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { formatDate } from "../components/format-date.ts";
import { QueryState } from "../components/query-state.tsx";
import { useTRPC } from "../trpc.ts";

/**
 * One mail as it was rendered for its last attempt. The HTML is the customer's content in
 * their branding: shown in an iframe sandboxed of everything (no scripts, no same origin).
 */
export const SentEmailDetail = ({ id }: { id: string }) => {
  const trpc = useTRPC();
  const mail = useQuery(trpc.mail.get.queryOptions({ id }));
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
            <p className="text-sm text-slate-700 dark:text-slate-300">
              To {data.toAddress} · {data.category} · {data.template}
            </p>
            {data.html === null ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                Not rendered yet, or not kept (a one-time link sent over SMTP is not stored).
              </p>
            ) : plain ? (
              <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap rounded bg-slate-50 dark:bg-slate-800 p-3 text-xs text-slate-800 dark:text-slate-200">
                {data.text}
              </pre>
            ) : (
              <iframe
                title={`Mail to ${data.toAddress}`}
                sandbox=""
                srcDoc={data.html}
                className="h-[32rem] w-full rounded border border-slate-200 dark:border-slate-700 bg-white"
              />
            )}
            <h3 className="text-sm font-semibold text-slate-900 dark:text-slate-100">Attempts</h3>
            {data.attempts.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">None yet.</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {data.attempts.map((attempt) => (
                  <li key={attempt.attempt} className="flex flex-wrap items-center gap-2">
                    <time dateTime={new Date(attempt.startedAt).toISOString()}>
                      {formatDate(attempt.startedAt)}
                    </time>
                    <Badge tone={attempt.ok ? "green" : "red"}>{attempt.ok ? "Accepted" : "Failed"}</Badge>
                    <span className="break-all font-mono text-xs text-slate-700 dark:text-slate-300">
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
