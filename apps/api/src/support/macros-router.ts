import {
  ApplyMacroInput,
  CreateMacroInput,
  ListMacrosInput,
  MacroId,
  UpdateMacroInput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { staff } from "../trpc.ts";
import { applyMacro } from "./macro-apply.ts";
import { archiveMacro, createMacro, listMacros, updateMacro } from "./macros.ts";

/** Support leads (staff ADMIN) write macros; every agent (ADMIN, SUPPORT) lists and applies them. */
const agents = () => staff("ADMIN", "SUPPORT");
const leads = () => staff("ADMIN");

export const macrosRouter = {
  list: agents()
    .input(ListMacrosInput)
    .query(({ ctx, input }) => listMacros(serviceContext(ctx), input)),
  create: leads()
    .input(CreateMacroInput)
    .mutation(({ ctx, input }) => createMacro(serviceContext(ctx), input)),
  update: leads()
    .input(UpdateMacroInput)
    .mutation(({ ctx, input }) => updateMacro(serviceContext(ctx), input)),
  archive: leads()
    .input(MacroId)
    .mutation(({ ctx, input }) => archiveMacro(serviceContext(ctx), input.macroId)),
  applyToTicket: agents()
    .input(ApplyMacroInput)
    .mutation(({ ctx, input }) => applyMacro(serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
