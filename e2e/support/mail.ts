// The auth emails the local stack "sent": scripts/test/e2e.ts appends each one to a JSON-lines file.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

export interface Mail {
  type: string;
  to: string;
  link: string;
  otp: string;
}

/** Waits for the latest email to `to` and returns it. */
export async function latestMailTo(to: string): Promise<Mail> {
  const file = process.env.E2E_MAIL_LOG;
  if (!file) throw new Error('E2E_MAIL_LOG is not set: run the journeys with `npm run test:e2e`');
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        const mails = readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Mail)
          .filter((mail) => mail.to === to);
        found = mails.at(-1);
        return found !== undefined;
      },
      { message: `an email to ${to}` },
    )
    .toBe(true);
  return found!;
}
