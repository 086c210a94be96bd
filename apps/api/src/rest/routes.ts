import type { RestOperation } from "./operation.ts";

/**
 * Operations found by method and path. A template segment `{name}` matches one path segment
 * and is handed to the operation as a path parameter (decoded).
 */
interface Route {
  operation: RestOperation;
  segments: string[];
}

interface RouteMatch {
  operation: RestOperation;
  params: Record<string, string>;
}

/** Segments after the leading slash; an empty one (`//`, a trailing `/`) matches nothing. */
const split = (path: string) => path.split("/").slice(1);

export const compileRoutes = (operations: RestOperation[]): Route[] => {
  const seen = new Set<string>();
  return operations.map((operation) => {
    const shape = `${operation.method} ${operation.path.replace(/\{[^}]+\}/g, "{}")}`;
    if (seen.has(shape)) throw new Error(`Two REST operations answer ${shape}`);
    seen.add(shape);
    return { operation, segments: split(operation.path) };
  });
};

const matchSegments = (template: string[], actual: string[]): Record<string, string> | null => {
  if (template.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const given = actual[index] ?? "";
    if (part.startsWith("{")) {
      if (given === "") return null;
      params[part.slice(1, -1)] = decodeURIComponent(given);
    } else if (part !== given) return null;
  }
  return params;
};

/** The operation for `method path`; literal segments win over parameters (`/licenses/stats`). */
export const matchRoute = (routes: Route[], method: string, path: string): RouteMatch | null => {
  const actual = split(path);
  let best: RouteMatch | null = null;
  let bestLiterals = -1;
  for (const route of routes) {
    if (route.operation.method !== method) continue;
    const params = matchSegments(route.segments, actual);
    if (!params) continue;
    const literals = route.segments.length - Object.keys(params).length;
    if (literals > bestLiterals) {
      best = { operation: route.operation, params };
      bestLiterals = literals;
    }
  }
  return best;
};

/** Methods some operation answers at `path`, for the 404 that names them. */
export const methodsAt = (routes: Route[], path: string): string[] => {
  const actual = split(path);
  return routes
    .filter((route) => matchSegments(route.segments, actual))
    .map((route) => route.operation.method);
};
