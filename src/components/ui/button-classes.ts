// Button looks, shared by <Button> and by links styled as buttons.
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

const variants: Record<ButtonVariant, string> = {
  primary:
    'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-slate-300 disabled:text-slate-700 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400',
  secondary:
    'border-2 border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-300 disabled:text-slate-700',
  ghost: 'text-sky-800 underline-offset-4 hover:underline dark:text-sky-300',
};

/** At least 48 px high: a tap target for tired hands mid-set. */
export const buttonClasses = (variant: ButtonVariant = 'primary', extra = '') =>
  `inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-5 text-base font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${variants[variant]} ${extra}`;
