import { useId, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/errors';
import { CONFIRM_WORD, useDeleteAccount } from '../api/delete-account';
import { ExportButtons } from './export-buttons';

/** Deleting is final: say what goes, offer the export first, and ask for the word typed out. */
export function DeleteAccountSection() {
  const remove = useDeleteAccount();
  const [typed, setTyped] = useState('');
  const exportHeading = useId();
  const confirmed = typed.trim() === CONFIRM_WORD;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmed) remove.mutate({ confirm: CONFIRM_WORD });
  }

  return (
    <div className="flex flex-col gap-4">
      <p>
        This deletes your account and everything in it for good: every session, the coach&apos;s
        plans and your activity. It cannot be undone.
      </p>
      <section aria-labelledby={exportHeading} className="flex flex-col gap-3">
        <h3 id={exportHeading} className="font-semibold">
          Keep a copy first
        </h3>
        <ExportButtons />
      </section>
      <form noValidate onSubmit={submit} className="flex flex-col gap-4">
        {remove.isError ? <Alert tone="error">{describeError(remove.error)}</Alert> : null}
        <TextField
          label={`Type ${CONFIRM_WORD} to confirm`}
          name="confirm"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <Button
          type="submit"
          variant="danger"
          className="w-full"
          disabled={!confirmed}
          busy={remove.isPending}
        >
          Delete my account and all data
        </Button>
      </form>
    </div>
  );
}
