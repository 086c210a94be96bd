import { zodResolver } from "@hookform/resolvers/zod";
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  set,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import { apiProblem } from "../trpc.ts";
import { fieldPathsOf, messagesOf, type PathMessage, placeMessages } from "./form-errors.ts";

interface ZodFormOptions<Values extends FieldValues, Schema extends z.ZodType> {
  /** The schema the API parses its input with. */
  schema: Schema;
  defaultValues: Values;
  /**
   * Form values → the schema's input, when they differ (text that holds JSON, an empty string
   * that means null …), with messages only the form can give (a JSON syntax error).
   */
  toInput?: (values: Values) => { input: unknown; errors?: PathMessage[] };
  /** The field that shows an input path's messages (and its children's) when `toInput` renames it. */
  aliases?: Record<string, Path<Values>>;
}

/** `expiresAt` → `expiresOn`, and `customFeatures.2` → `features.2` for an alias of `customFeatures`. */
const aliased = (aliases: Record<string, string>, path: string) => {
  const from = Object.keys(aliases).find((key) => path === key || path.startsWith(`${key}.`));
  return from ? `${aliases[from]}${path.slice(from.length)}` : path;
};

const errorsAt = <Values extends FieldValues>(placed: Map<string, string>, type: string) => {
  const errors: FieldErrors<Values> = {};
  for (const [path, message] of placed) set(errors, path, { type, message });
  return errors;
};

/**
 * A react-hook-form form checked with the API's own zod schema: a submit the schema rejects
 * shows each message on its field and focuses the first invalid one; `showServerErrors` does
 * the same with what the API said. The submit handler receives the parsed input.
 */
export const useZodForm = <Values extends FieldValues, Schema extends z.ZodType<unknown, unknown>>({
  schema,
  defaultValues,
  toInput,
  aliases = {},
}: ZodFormOptions<Values, Schema>) => {
  const place = (messages: PathMessage[], values: Values) =>
    placeMessages(
      messages.map(({ path, message }) => ({ path: aliased(aliases, path), message })),
      fieldPathsOf(values),
    );
  const check = zodResolver(schema as z.ZodType<z.output<Schema>, FieldValues>);
  const resolver: Resolver<Values, unknown, z.output<Schema>> = async (values, context) => {
    const { input, errors = [] } = toInput ? toInput(values) : { input: values };
    const result = await check(input as FieldValues, context, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    const messages = [...errors, ...messagesOf(result.errors)];
    if (messages.length === 0) return { values: result.values as z.output<Schema>, errors: {} };
    return {
      values: {},
      errors: errorsAt<Values>(placeMessages(messages, fieldPathsOf(values)), "validate"),
    };
  };
  const form = useForm<Values, unknown, z.output<Schema>>({
    resolver,
    defaultValues: defaultValues as DefaultValues<Values>,
  });
  // react-hook-form re-renders for the parts of formState read while rendering: the errors are
  // read here, always, and handed out as `form.errors`, so a check made only sometimes
  // (`problem && !form.errors.password`) still sees errors set in a mutation's onError.
  const { errors } = form.formState;
  /** The API's field errors on their fields, focusing the first; the rest the error alert says. */
  const showServerErrors = (error: unknown) => {
    const values = form.getValues();
    const messages = Object.entries(apiProblem(error)?.fieldErrors ?? {}).map(([path, list]) => ({
      path,
      message: list[0] ?? "is invalid",
    }));
    const placed = place(messages, values);
    const fields = fieldPathsOf(values);
    placed.delete("root");
    for (const [path, message] of placed) form.setError(path as Path<Values>, { type: "server", message });
    const first = fields.find((field) =>
      [...placed.keys()].some((path) => field === path || field.startsWith(`${path}.`)),
    );
    if (first) form.setFocus(first as Path<Values>);
  };
  return Object.assign(form, { errors, showServerErrors });
};
