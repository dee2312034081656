-- Enums for the session lifecycle and the outcome of an AI generation attempt (seed: ENUM Types).

-- planned → in_progress → completed | failed, or planned → completed | failed.
create type public.session_status as enum ('planned', 'in_progress', 'completed', 'failed');

-- success, timeout (past AI_TIMEOUT_MS) or error (provider failure or invalid output).
create type public.generation_status as enum ('success', 'timeout', 'error');
