export function LandingRoute() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-3xl font-bold">Pull-Up Training Tracker</h1>
      <p className="text-lg">
        Plan five sets, train them, log how hard it felt, and let the coach plan the next one.
      </p>
    </main>
  );
}
