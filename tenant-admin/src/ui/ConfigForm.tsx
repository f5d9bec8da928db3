import { useState } from 'preact/hooks';
import type { Schemas } from '../api/client';
import { loc, t } from '../i18n';
import { useAction } from './load';
import { ErrorBox, Field, invalid, Modal } from './parts';

type FieldView = Schemas['FieldView'];

/** A field of a plugin's config schema (payment channel, marketing feature, notifier, supplier). */
export type SchemaField = Pick<FieldView, 'name' | 'label' | 'required' | 'secret'> &
  Partial<Pick<FieldView, 'options' | 'pattern' | 'defaultValue'>> & { type?: string };

/** A stored configuration as every plugin-configuration endpoint returns it (never a secret). */
export interface StoredConfig {
  name?: string;
  enabled?: boolean;
  settings?: Record<string, string>;
  secretsSet?: string[];
}

/** What a save sends: the same shape for channels, marketing features, notifiers and suppliers. */
export interface ConfigBody {
  name: string;
  enabled: boolean;
  values: Record<string, string>;
  clearSecrets: string[];
}

/**
 * A plugin's settings form, rendered from its config schema. Secret fields are write-only: they
 * start empty and say whether a value is stored; leaving one empty keeps it. The server's message
 * for a field stands under that field.
 */
export function ConfigForm(props: {
  title: string;
  testId: string;
  defaultName: string;
  fields: SchemaField[];
  current?: StoredConfig;
  save: (body: ConfigBody) => Promise<unknown>;
  onClose: (changed: boolean) => void;
}) {
  const c = props.current;
  const fields = props.fields;
  const [name, setName] = useState(c?.name ?? props.defaultName);
  const [enabled, setEnabled] = useState(c?.enabled ?? true);
  const [clear, setClear] = useState<string[]>([]);
  const [values, setValues] = useState<Record<string, string>>(() => {
    const initial: Record<string, string> = {};
    for (const f of fields) {
      initial[f.name!] = f.secret ? '' : (c?.settings?.[f.name!] ?? f.defaultValue ?? '');
    }
    return initial;
  });
  const action = useAction();
  const secretsSet = new Set(c?.secretsSet ?? []);
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await action.run(() => props.save({ name, enabled, values, clearSecrets: clear }));
    if (done !== undefined) {
      props.onClose(true);
    }
  };
  const err = action.error;
  return (
    <Modal title={props.title} onClose={() => props.onClose(false)}>
      <form onSubmit={submit} data-testid={props.testId}>
        <Field label={t('channels.name')} name="name" error={err}>
          <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={invalid(err, 'name')} />
        </Field>
        {fields.map((f) => (
          <Field
            label={loc(f.label) + (f.required ? ' *' : '')}
            name={f.name!}
            error={err}
            hint={f.secret ? (secretsSet.has(f.name!) ? t('channels.secretSet') : t('channels.secretNotSet')) : undefined}
          >
            <ConfigInput
              field={f}
              value={values[f.name!] ?? ''}
              invalid={invalid(err, f.name!)}
              secretSet={secretsSet.has(f.name!) && !clear.includes(f.name!)}
              onChange={(v) => setValues({ ...values, [f.name!]: v })}
            />
            {f.secret && secretsSet.has(f.name!) && !f.required && (
              <span class="inline-check">
                <input
                  type="checkbox"
                  checked={clear.includes(f.name!)}
                  onChange={(e) =>
                    setClear(e.currentTarget.checked ? [...clear, f.name!] : clear.filter((x) => x !== f.name))
                  }
                />{' '}
                {t('channels.clearSecret')}
              </span>
            )}
          </Field>
        ))}
        {c && (
          <label>
            <input type="checkbox" role="switch" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />{' '}
            {t('channels.enabled')}
          </label>
        )}
        <ErrorBox error={err} fields={['name', ...fields.map((f) => f.name!)]} />
        <button type="submit" aria-busy={action.busy} disabled={action.busy}>
          {t('action.save')}
        </button>
      </form>
    </Modal>
  );
}

function ConfigInput(props: {
  field: SchemaField;
  value: string;
  invalid?: true;
  secretSet: boolean;
  onChange: (value: string) => void;
}) {
  const f = props.field;
  const common = {
    name: f.name,
    'aria-invalid': props.invalid,
    onInput: (e: { currentTarget: { value: string } }) => props.onChange(e.currentTarget.value),
  };
  switch (f.type) {
    case 'SECRET':
      return (
        <input
          {...common}
          type="password"
          autoComplete="new-password"
          value={props.value}
          placeholder={props.secretSet ? '••••••••' : ''}
        />
      );
    case 'TEXT':
      return <textarea {...common} value={props.value} />;
    case 'INTEGER':
      return <input {...common} type="number" value={props.value} />;
    case 'URL':
      return <input {...common} type="url" value={props.value} placeholder="https://" />;
    case 'MONEY':
      return <input {...common} inputMode="decimal" value={props.value} placeholder="0.00" />;
    case 'BOOLEAN':
      return (
        <input
          type="checkbox"
          role="switch"
          name={f.name}
          checked={props.value === 'true'}
          onChange={(e) => props.onChange(e.currentTarget.checked ? 'true' : 'false')}
        />
      );
    case 'ENUM':
      return (
        <select name={f.name} value={props.value} aria-invalid={props.invalid} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <option value="">—</option>
          {(f.options ?? []).map((o) => (
            <option value={o.value}>{loc(o.label)}</option>
          ))}
        </select>
      );
    default:
      return f.secret ? (
        <input {...common} type="password" autoComplete="new-password" value={props.value} placeholder={props.secretSet ? '••••••••' : ''} />
      ) : (
        <input {...common} value={props.value} pattern={f.pattern ?? undefined} />
      );
  }
}
