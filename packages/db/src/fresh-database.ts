import { randomBytes } from "node:crypto";
import postgres from "postgres";

interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database on the PostgreSQL server of `serverUrl`, for a test file, a browser
 * test run or a benchmark: isolated from everything else on that server, dropped after.
 */
export const createFreshDatabase = async (serverUrl: string, prefix = "tessera"): Promise<FreshDatabase> => {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = postgres(serverUrl, { onnotice: () => {}, max: 1 });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
};
