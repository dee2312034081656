// The SPA's environment, validated at start-up: every missing or malformed variable is listed.
import { z } from 'zod/mini';

const envSchema = z.object({
  VITE_SUPABASE_URL: z.url(
    'VITE_SUPABASE_URL must be the project URL, e.g. http://127.0.0.1:54321',
  ),
  VITE_SUPABASE_ANON_KEY: z.string().check(z.minLength(20, 'VITE_SUPABASE_ANON_KEY is missing')),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, unknown>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `- ${issue.message}`).join('\n');
  throw new Error(`The app is misconfigured:\n${problems}`);
}

export const env = parseEnv(import.meta.env);
