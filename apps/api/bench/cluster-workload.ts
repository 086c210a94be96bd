// The mixed workload of bench/cluster.ts: workers pick an operation by weight and call the
// REST API through the proxy, recording each answer's latency; usage batches are resent 1 %
// of the time (a client retry) and every event the API acknowledges is remembered, so the
// database can be checked afterwards for "counted once".
import { randomUUID } from "node:crypto";

export interface Tenant {
  organizationId: string;
  /** An organisation key with usage:write, usage:read, tickets:write and audit:read. */
  apiKey: string;
}

export interface Operation {
  name: string;
  weight: number;
  run(): Promise<{ ok: boolean }>;
}

export interface Tally {
  latencies: Map<string, number[]>;
  errors: Map<string, number>;
  /** Value of every event the API acknowledged as accepted, per organisation. */
  acknowledged: Map<string, number>;
  retries: number;
}

const json = async (url: string, init: RequestInit) => {
  const response = await fetch(url, init);
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  return { status: response.status, body };
};

const authorised = (key: string, body?: unknown): RequestInit => ({
  method: body === undefined ? "GET" : "POST",
  headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

const day = (date: Date) => date.toISOString().slice(0, 10);
const today = () => day(new Date());
const monthAgo = () => day(new Date(Date.now() - 30 * 86_400_000));

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** The operations, by weight: mostly validations, as a learning platform's traffic is. */
export const operations = (base: string, pickKey: () => string, tenants: Tenant[], tally: Tally) => {
  const usageBatch = async () => {
    const tenant = pick(tenants);
    const events = Array.from({ length: 20 }, () => ({
      metric: "API_CALLS",
      value: 1 + Math.floor(Math.random() * 5),
      idempotencyKey: randomUUID(),
    }));
    const send = () => json(`${base}/api/v1/usage/events/batch`, authorised(tenant.apiKey, { events }));
    let answer = await send();
    if (answer.status === 200 && Math.random() < 0.01) {
      tally.retries++;
      const again = await send();
      // a retry is counted once: nothing new may be accepted the second time
      if (again.status !== 200 || again.body?.accepted !== 0) return { ok: false };
    }
    if (answer.status !== 200) return { ok: false };
    if (answer.body?.accepted !== events.length) answer = { status: 500, body: null };
    const total = events.reduce((sum, event) => sum + event.value, 0);
    tally.acknowledged.set(
      tenant.organizationId,
      (tally.acknowledged.get(tenant.organizationId) ?? 0) + total,
    );
    return { ok: answer.status === 200 };
  };
  const list: Operation[] = [
    {
      name: "validate (Zipf)",
      weight: 70,
      run: async () => {
        const key = pickKey();
        const answer = await json(`${base}/api/v1/licenses/validate`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ key }),
        });
        return { ok: answer.status === 200 };
      },
    },
    { name: "usage batch (20 events)", weight: 15, run: usageBatch },
    {
      name: "create ticket",
      weight: 5,
      run: async () => {
        const tenant = pick(tenants);
        const answer = await json(
          `${base}/api/v1/tickets`,
          authorised(tenant.apiKey, { subject: "Bench ticket", description: "Created by bench:cluster" }),
        );
        return { ok: answer.status === 201 || answer.status === 200 };
      },
    },
    {
      name: "usage report (replica)",
      weight: 6,
      run: async () => {
        const tenant = pick(tenants);
        const answer = await json(
          `${base}/api/v1/organizations/${tenant.organizationId}/usage/report?from=${monthAgo()}&to=${today()}`,
          authorised(tenant.apiKey),
        );
        return { ok: answer.status === 200 };
      },
    },
    {
      name: "audit list (replica)",
      weight: 4,
      run: async () => {
        const answer = await json(`${base}/api/v1/audit-events?limit=20`, authorised(pick(tenants).apiKey));
        return { ok: answer.status === 200 };
      },
    },
  ];
  return list;
};

/** Run `workers` loops for `seconds`, each picking an operation by weight. */
export const drive = async (list: Operation[], workers: number, seconds: number, tally: Tally) => {
  const total = list.reduce((sum, operation) => sum + operation.weight, 0);
  const choose = () => {
    let roll = Math.random() * total;
    for (const operation of list) {
      roll -= operation.weight;
      if (roll < 0) return operation;
    }
    return list[0] as Operation;
  };
  const until = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const operation = choose();
      const started = performance.now();
      let ok = false;
      try {
        ok = (await operation.run()).ok;
      } catch {
        ok = false;
      }
      const took = performance.now() - started;
      const times = tally.latencies.get(operation.name) ?? [];
      times.push(took);
      tally.latencies.set(operation.name, times);
      if (!ok) tally.errors.set(operation.name, (tally.errors.get(operation.name) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
};

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
