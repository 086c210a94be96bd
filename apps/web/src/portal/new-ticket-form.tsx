import { PortalCreateTicketInput, type TicketPriority } from "@tessera/domain";
import { Button, Card } from "@tessera/ui";
import { useEffect } from "react";
import { useNavigate } from "react-router";
import { AttachmentPicker } from "../components/attachment-picker.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormField, FormSelect } from "../components/form-field.tsx";
import { PRIORITY_OPTIONS } from "../components/ticket-parts.tsx";
import { useAttachmentUploads } from "../components/use-attachment-uploads.ts";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";

/**
 * A new ticket, opened from the list's "New ticket" button: the subject takes the focus, and
 * once the ticket exists its page opens with the reference it was given.
 */
export const NewTicketForm = ({ id, onCancel }: { id: string; onCancel: () => void }) => {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const uploads = useAttachmentUploads();
  const form = useZodForm({
    schema: PortalCreateTicketInput,
    defaultValues: { subject: "", description: "", priority: "NORMAL" as TicketPriority },
    toInput: (values) => ({ input: { ...values, attachmentIds: uploads.ids } }),
  });
  const create = trpc.support.create.useMutation({
    onSuccess: async (ticket) => {
      navigate(`/portal/tickets/${ticket.id}`, { state: { opened: ticket.reference } });
      await utils.support.mine.invalidate();
    },
    onError: form.showServerErrors,
  });
  const { setFocus } = form;
  useEffect(() => setFocus("subject"), [setFocus]);
  const submit = form.handleSubmit(
    (input) => create.mutate(input),
    () => create.reset(),
  );
  return (
    <Card title="Open a ticket">
      <form
        id={id}
        onSubmit={submit}
        noValidate
        aria-label="Open a ticket"
        className="grid gap-4 md:grid-cols-4"
      >
        <div className="md:col-span-3">
          <FormField
            control={form.control}
            label="Subject"
            name="subject"
            required
            hint="At most 200 characters"
          />
        </div>
        <FormSelect
          control={form.control}
          label="Priority"
          name="priority"
          options={PRIORITY_OPTIONS}
          hint="Critical: production is down"
        />
        <div className="md:col-span-4">
          <FormField
            control={form.control}
            label="Description"
            name="description"
            multiline
            required
            hint="What happened, what you expected, and how to reproduce it"
          />
        </div>
        <div className="md:col-span-4">
          <AttachmentPicker uploads={uploads} />
        </div>
        <div className="md:col-span-4">
          <ErrorAlert error={create.error} title="Ticket not opened" />
        </div>
        <div className="flex justify-end gap-2 md:col-span-4">
          <Button variant="secondary" onClick={onCancel} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" busy={create.isPending} disabled={uploads.busy}>
            {create.isPending ? "Opening…" : "Open ticket"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
