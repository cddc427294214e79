'use client';

import {
  cloneElement,
  createContext,
  type HTMLAttributes,
  isValidElement,
  lazy,
  type ReactElement,
  type ReactNode,
  type RefObject,
  Suspense,
  useContext,
  useRef,
  useState,
} from 'react';
import { cn } from './cn';

// The desk's dialogs, shadcn's shape on Radix (./dialog-panels.tsx). Only this light half loads
// with a page: the open state, the trigger and the close buttons. Radix's code is fetched when a
// person first points at or focuses a trigger (or opens a dialog), so no page pays for it up
// front, and a dialog that is never opened costs nothing.

const loadPanels = () => import('./dialog-panels');
const DialogPanel = lazy(() => loadPanels().then((m) => ({ default: m.DialogPanel })));
const AlertDialogPanel = lazy(() => loadPanels().then((m) => ({ default: m.AlertDialogPanel })));

/** Starts fetching the dialogs' code (on a trigger's hover or focus). */
export function preloadDialogs() {
  void loadPanels();
}

export type DialogState = {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The button that opened the dialog, which gets the focus back when it closes. */
  triggerRef: RefObject<HTMLElement | null>;
};

const DialogContext = createContext<(DialogState & { shown: boolean }) | null>(null);

function useDialog() {
  const state = useContext(DialogContext);
  if (!state) throw new Error('Dialog parts belong inside a DialogRoot or an AlertDialogRoot.');
  return state;
}

/** Holds whether the dialog is open: controlled (`open` + `onOpenChange`) or on its own. */
export function DialogRoot({
  open: controlled,
  defaultOpen = false,
  onOpenChange,
  children,
}: {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
}) {
  const [own, setOwn] = useState(defaultOpen);
  const open = controlled ?? own;
  // Once opened, the panel stays mounted so Radix can close it and hand the focus back.
  const [shown, setShown] = useState(open);
  if (open && !shown) setShown(true);
  const triggerRef = useRef<HTMLElement | null>(null);
  const setOpen = (next: boolean) => {
    if (controlled === undefined) setOwn(next);
    onOpenChange?.(next);
  };
  return (
    <DialogContext.Provider value={{ open, setOpen, triggerRef, shown }}>
      {children}
    </DialogContext.Provider>
  );
}
export const Dialog = DialogRoot;
export const AlertDialogRoot = DialogRoot;

type ChildProps = {
  onClick?: (event: never) => void;
  ref?: unknown;
  [data: `data-${string}`]: unknown;
};

/** Gives the child (asChild) or a plain button the part's behaviour, keeping its own onClick. */
function withBehaviour(
  children: ReactNode,
  props: Record<string, unknown> & { onClick: () => void },
  asChild?: boolean,
) {
  if (asChild && isValidElement<ChildProps>(children)) {
    const child = children as ReactElement<ChildProps>;
    const own = child.props.onClick as ((event: unknown) => void) | undefined;
    return cloneElement(child, {
      ...props,
      onClick: (event: unknown) => {
        own?.(event);
        props.onClick();
      },
    } as ChildProps);
  }
  return (
    <button type="button" {...props}>
      {children}
    </button>
  );
}

export function DialogTrigger({ asChild, children }: { asChild?: boolean; children: ReactNode }) {
  const { open, setOpen, triggerRef } = useDialog();
  return withBehaviour(
    children,
    {
      ref: triggerRef,
      'aria-haspopup': 'dialog',
      'aria-expanded': open,
      onPointerEnter: preloadDialogs,
      onFocus: preloadDialogs,
      onClick: () => setOpen(true),
    },
    asChild,
  );
}
export const AlertDialogTrigger = DialogTrigger;

export function DialogClose({ asChild, children }: { asChild?: boolean; children: ReactNode }) {
  const { setOpen } = useDialog();
  return withBehaviour(children, { onClick: () => setOpen(false) }, asChild);
}
export const AlertDialogAction = DialogClose;

/** Cancel in an alert dialog: it closes, and it has the focus when the dialog opens. */
export function AlertDialogCancel({
  asChild,
  children,
}: {
  asChild?: boolean;
  children: ReactNode;
}) {
  const { setOpen } = useDialog();
  return withBehaviour(
    children,
    { 'data-dialog-cancel': '', onClick: () => setOpen(false) },
    asChild,
  );
}

type ContentProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
};

/** A modal with its title (required: it names the dialog) and an optional description. */
export function DialogContent(props: ContentProps) {
  const { shown, ...state } = useDialog();
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <DialogPanel state={state} {...props} />
    </Suspense>
  );
}

/** An alert dialog asks before something that cannot be undone; its description says what. */
export function AlertDialogContent(props: ContentProps & { description: ReactNode }) {
  const { shown, ...state } = useDialog();
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <AlertDialogPanel state={state} {...props} />
    </Suspense>
  );
}

/** The row of buttons at the foot of a dialog: the main action last (at the end side). */
export function DialogFooter({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('mt-4 flex flex-wrap justify-end gap-2', className)} {...props} />;
}
