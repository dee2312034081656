/** The coach's comment on a plan it made. */
export function CoachNote({ comment }: { comment: string }) {
  return (
    <figure className="rounded-xl bg-sky-50 p-3 dark:bg-sky-950">
      <figcaption className="text-sm font-semibold text-sky-900 dark:text-sky-200">
        Coach’s note
      </figcaption>
      <blockquote className="mt-1">{comment}</blockquote>
    </figure>
  );
}
