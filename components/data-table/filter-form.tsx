import type { ReactNode } from 'react';
import { Field, Input, Select } from '@/components/ui/field';
import { parseWallTime } from '@/lib/time/algiers';
import type { FilterMeta, FilterParam } from './meta';

// The filters a list's columns declare (meta.filter), as a plain GET form: the URL is the state,
// so Back, reload and sharing a link all just work, and the server's one URL parser
// (lib/url-state/params.ts) reads it back.

function DayInput({ id, param, value }: { id: string; param: FilterParam; value?: string }) {
  // A minute from a chart link (2026-11-29T14:00) keeps its time; a day stays a day.
  const minute = value !== undefined && parseWallTime(value) !== null;
  return (
    <Input
      id={id}
      name={param.param}
      type={minute ? 'datetime-local' : 'date'}
      defaultValue={value}
    />
  );
}

function one(meta: FilterMeta, values: Record<string, string | undefined>, idPrefix: string) {
  const id = (p: FilterParam) => `${idPrefix}-${p.param}`;
  switch (meta.kind) {
    case 'select':
      return [
        <Field key={meta.param} id={id(meta)} label={meta.label}>
          <Select id={id(meta)} name={meta.param} defaultValue={values[meta.param] ?? ''}>
            <option value="">{meta.anyLabel}</option>
            {meta.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>,
      ];
    case 'text':
      return [
        <Field key={meta.param} id={id(meta)} label={meta.label}>
          <Input
            id={id(meta)}
            name={meta.param}
            defaultValue={values[meta.param]}
            placeholder={meta.placeholder}
          />
        </Field>,
      ];
    case 'amount':
      return [meta.from, meta.to].map((p) => (
        <Field key={p.param} id={id(p)} label={p.label}>
          <Input id={id(p)} name={p.param} inputMode="decimal" defaultValue={values[p.param]} />
        </Field>
      ));
    case 'day':
      return [meta.from, meta.to].map((p) => (
        <Field key={p.param} id={id(p)} label={p.label}>
          <DayInput id={id(p)} param={p} value={values[p.param]} />
        </Field>
      ));
  }
}

export function FilterForm({
  action,
  label,
  filters,
  values,
  keep,
  idPrefix = 'f',
  children,
}: {
  action: string;
  label: string;
  filters: FilterMeta[];
  /** The current value of each filter parameter. */
  values: Record<string, string | undefined>;
  /** View parameters the form carries along unchanged (tab, sort, hidden columns…). */
  keep: Record<string, string | undefined>;
  idPrefix?: string;
  /** The submit and reset buttons, and any note. */
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      className="grid gap-3 rounded-lg border border-border bg-surface p-3 sm:grid-cols-3 lg:grid-cols-7"
      aria-label={label}
    >
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      {filters.flatMap((meta) => one(meta, values, idPrefix))}
      <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-7">{children}</div>
    </form>
  );
}
