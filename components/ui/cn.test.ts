import { describe, expect, it } from 'vitest';
import { cn } from './cn';

describe('cn', () => {
  it('lets a page override what the kit sets: the later class wins', () => {
    // Input at h-8, Select at a fixed width, Textarea growing with its text (components/ui/field.tsx).
    expect(cn('h-10 w-full px-3 text-sm', 'h-8')).toBe('w-full px-3 text-sm h-8');
    expect(cn('h-10 w-full rounded-md', 'w-40')).toBe('h-10 rounded-md w-40');
    expect(cn('h-10 px-3', 'h-auto py-2')).toBe('px-3 h-auto py-2');
    expect(cn('p-6 rounded-lg', 'p-4')).toBe('rounded-lg p-4');
  });

  it('tells a text size from a text colour, and a border width from its colour', () => {
    expect(cn('text-sm text-fg', 'text-xs')).toBe('text-fg text-xs');
    expect(cn('text-sm text-fg', 'text-danger-fg')).toBe('text-sm text-danger-fg');
    expect(cn('border border-border', 'border-danger')).toBe('border border-danger');
    expect(cn('border-e border-border', 'border-b-0')).toBe('border-e border-border border-b-0');
  });

  it('keeps each variant apart and leaves what it does not know as written', () => {
    expect(cn('bg-primary hover:bg-primary/90', 'bg-danger')).toBe('hover:bg-primary/90 bg-danger');
    expect(cn('px-2 ps-8')).toBe('px-2 ps-8');
    expect(cn('inline-flex items-center', 'hidden', false, undefined, 'tabular-nums')).toBe(
      'items-center hidden tabular-nums',
    );
  });
});
