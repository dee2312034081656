import type { InputHTMLAttributes, ReactNode } from 'react';

/**
 * A radio button or checkbox as a whole tappable tile (at least 48 px tall), so a choice is
 * easy to hit mid-set; the checked and keyboard-focused states show on the tile.
 */
export function ChoiceTile({
  children,
  className = '',
  ...input
}: { children: ReactNode; className?: string } & InputHTMLAttributes<HTMLInputElement> & {
    type: 'radio' | 'checkbox';
  }) {
  return (
    <label
      className={`flex min-h-12 cursor-pointer items-center gap-2 rounded-xl border-2 border-slate-300 font-semibold has-checked:border-sky-700 has-checked:bg-sky-50 has-focus-visible:outline-3 has-focus-visible:outline-sky-600 dark:border-slate-600 dark:has-checked:border-sky-400 dark:has-checked:bg-sky-950 ${className}`}
    >
      <input {...input} className="size-5 accent-sky-700" />
      {children}
    </label>
  );
}
