import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PortalCreateTicketInput, type TicketPriority } from "@tessera/domain";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { AttachmentPicker } from "../components/attachment-picker.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { Select } from "../components/select.tsx";
import { PRIORITY_OPTIONS } from "../components/ticket-parts.tsx";
import { useAttachmentUploads } from "../components/use-attachment-uploads.ts";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

const EMPTY_TICKET = { subject: "", description: "", priority: "NORMAL" as TicketPriority };

/**
 * A new ticket, opened from the list's "New ticket" button: the subject takes the focus, and
 * once the ticket exists its page opens with the reference it was given.
 */
export const NewTicketForm = ({ id, onCancel }: { id: string; onCancel: () => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY_TICKET);
  const form = useSchemaForm(PortalCreateTicketInput);
  const uploads = useAttachmentUploads();
  const create = useMutation(
    trpc.support.create.mutationOptions({
      onSuccess: async (ticket) => {
        navigate(`/portal/tickets/${ticket.id}`, { state: { opened: ticket.reference } });
        await queryClient.invalidateQueries({ queryKey: trpc.support.mine.pathKey() });
      },
      onError: form.showServerErrors,
    }),
  );
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>("input[name=subject]")?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const input = form.parse({ ...values, attachmentIds: uploads.ids });
    if (input) create.mutate(input);
  };
  return (
    <Card title="Open a ticket">
      <form
        id={id}
        ref={formRef}
        onSubmit={submit}
        noValidate
        aria-label="Open a ticket"
        className="grid gap-4 md:grid-cols-4"
      >
        <div className="md:col-span-3">
          <Field
            label="Subject"
            name="subject"
            value={values.subject}
            onChange={(subject) => setValues({ ...values, subject })}
            error={form.errors.subject}
            required
            hint="At most 200 characters"
          />
        </div>
        <Select
          label="Priority"
          name="priority"
          value={values.priority}
          onChange={(priority) => setValues({ ...values, priority: priority as TicketPriority })}
          options={PRIORITY_OPTIONS}
          error={form.errors.priority}
          hint="Critical: production is down"
        />
        <div className="md:col-span-4">
          <Field
            label="Description"
            name="description"
            value={values.description}
            onChange={(description) => setValues({ ...values, description })}
            error={form.errors.description}
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
