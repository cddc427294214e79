import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field, FieldGroup, Input } from './field';

/** The markup as a detached document, to follow ids the way a screen reader does. */
function render(node: React.ReactElement) {
  const html = renderToStaticMarkup(node);
  const attr = (tag: string, name: string) =>
    new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];
  const textOf = (id: string) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];
  return { html, attr, textOf };
}

describe('a form field', () => {
  it('names its control by the label, without the caller writing an id', () => {
    const { attr } = render(
      <Field label="Email">
        <Input name="email" />
      </Field>,
    );
    const id = attr('input', 'id');
    expect(id).toBeTruthy();
    expect(attr('label', 'for')).toBe(id);
    expect(attr('input', 'aria-describedby')).toBeUndefined();
    expect(attr('input', 'aria-invalid')).toBeUndefined();
  });

  it('reads the hint and then the error with the control, and marks it invalid', () => {
    const { attr, textOf } = render(
      <Field label="New password" hint="At least 12 characters." error="Too short.">
        <Input name="next" />
      </Field>,
    );
    const described = attr('input', 'aria-describedby')?.split(' ') ?? [];
    expect(described.map(textOf)).toEqual(['At least 12 characters.', 'Too short.']);
    expect(attr('input', 'aria-invalid')).toBe('true');
  });

  it('drops the error from the description once it is gone', () => {
    const { attr, textOf } = render(
      <Field label="Name" hint="As on their ID." error={null}>
        <Input name="name" />
      </Field>,
    );
    expect((attr('input', 'aria-describedby') ?? '').split(' ').map(textOf)).toEqual([
      'As on their ID.',
    ]);
    expect(attr('input', 'aria-invalid')).toBeUndefined();
  });

  it('keeps a fixed id and a description the control already had', () => {
    const { attr } = render(
      <Field id="code" label="Code" error="Wrong code.">
        <Input name="code" aria-describedby="page-help" />
      </Field>,
    );
    expect(attr('input', 'id')).toBe('code');
    expect(attr('label', 'for')).toBe('code');
    expect(attr('input', 'aria-describedby')).toBe('page-help code-error');
  });
});

describe('a group of checkboxes', () => {
  it('reads its hint and error with the group', () => {
    const { attr, textOf } = render(
      <FieldGroup legend="Scopes" hint="Pick at least one." error="None picked.">
        <input type="checkbox" name="scopes" />
      </FieldGroup>,
    );
    const described = attr('fieldset', 'aria-describedby')?.split(' ') ?? [];
    expect(described.map(textOf)).toEqual(['Pick at least one.', 'None picked.']);
  });
});
