export function isDraining(): boolean;
export function onDrain(hook: () => Promise<unknown> | unknown): void;
export function drain(): Promise<void>;
