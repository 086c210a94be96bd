import { appRouter } from "../../src/router.ts";

/** The parts of a zod 4 schema's definition needed to find an object's keys through wrappers. */
type SchemaNode = {
  _zod?: {
    def: {
      type: string;
      format?: string;
      shape?: Record<string, SchemaNode>;
      innerType?: SchemaNode;
      in?: SchemaNode;
      options?: SchemaNode[];
      left?: SchemaNode;
      right?: SchemaNode;
    };
  };
};

const wrapped = (node: SchemaNode | undefined): SchemaNode[] => {
  const def = node?._zod?.def;
  return def ? [def.innerType, def.in, def.left, def.right, ...(def.options ?? [])].filter((n) => !!n) : [];
};

/** The fields of the object(s) a schema accepts, looking through optional, default, pipe, union and intersection. */
const objectFields = (node: SchemaNode): [string, SchemaNode][] => {
  const shape = node._zod?.def.shape;
  return shape ? Object.entries(shape) : wrapped(node).flatMap(objectFields);
};

/** Whether the schema (through optional, nullable …) takes a uuid: an id, not e.g. an OIDC client id. */
const takesUuid = (node: SchemaNode): boolean =>
  node._zod?.def.format === "uuid" || wrapped(node).some(takesUuid);

const procedures: Record<string, unknown> = appRouter._def.procedures;

/** The top-level input fields of a procedure that name a row by id (`licenseId`, `ticketId` …). */
export const idFieldsOf = (path: string): string[] => {
  const procedure = procedures[path] as { _def: { inputs: SchemaNode[] } } | undefined;
  if (!procedure) throw new Error(`no procedure ${path}`);
  const fields = procedure._def.inputs.flatMap(objectFields);
  return [
    ...new Set(fields.filter(([key, schema]) => /Id$/.test(key) && takesUuid(schema)).map(([key]) => key)),
  ];
};
