// An OpenAI-compatible chat-completions server on 127.0.0.1 standing in for the AI provider,
// the one boundary these tests cannot reach. It answers as the test tells it to.
export type FakeAiMode =
  | { kind: 'plan'; sets: unknown; comment?: string; intent?: unknown }
  | { kind: 'garbage' }
  | { kind: 'stall' }
  | { kind: 'status'; status: number };

export interface FakeAi {
  baseUrl: string;
  calls: number;
  mode: FakeAiMode;
  lastBody: unknown;
  close(): Promise<void>;
}

export function startFakeAi(mode: FakeAiMode): FakeAi {
  const stalls = new Set<() => void>();
  const fake: FakeAi = {
    baseUrl: '',
    calls: 0,
    mode,
    lastBody: null,
    close: async () => {
      for (const release of stalls) release();
      await server.shutdown();
    },
  };
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, async (req) => {
    fake.calls += 1;
    fake.lastBody = await req.json().catch(() => null);
    const current = fake.mode;
    switch (current.kind) {
      case 'stall':
        // Held until the test closes the fake; the caller gives up long before.
        await new Promise<void>((resolve) => stalls.add(resolve));
        return new Response('late', { status: 200 });
      case 'status':
        return Response.json(
          { error: { message: 'provider trouble' } },
          { status: current.status },
        );
      case 'garbage':
        return Response.json({
          choices: [{ message: { content: 'Sure! Here is your plan: lots of pull-ups.' } }],
        });
      case 'plan':
        return Response.json({
          choices: [
            {
              message: {
                content: JSON.stringify({
                  sets: current.sets,
                  ...(current.intent === undefined ? {} : { intent: current.intent }),
                  comment:
                    current.comment ??
                    'You did 8-8-7-7-6 last time at RPE 7. Add one rep to the first two sets today.',
                }),
              },
            },
          ],
        });
    }
  });
  fake.baseUrl = `http://127.0.0.1:${server.addr.port}/v1`;
  return fake;
}
