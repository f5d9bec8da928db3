import type { ComponentChildren } from 'preact';
import { fieldMatches, type ApiError } from '../api/client';
import { t } from '../i18n';
import type { Loaded } from './load';

/** A labelled input with the server's message for this field under it. */
export function Field(props: {
  label: string;
  name: string;
  error?: ApiError;
  hint?: string;
  children: ComponentChildren;
}) {
  const message = props.error?.field(props.name);
  return (
    <label data-field={props.name}>
      {props.label}
      {props.children}
      {message ? (
        <small class="field-error" role="alert">
          {message}
        </small>
      ) : props.hint ? (
        <small>{props.hint}</small>
      ) : null}
    </label>
  );
}

/** aria-invalid for an input whose field the server named. */
export function invalid(error: ApiError | undefined, name: string): true | undefined {
  return error?.field(name) ? true : undefined;
}

/** The problem as a message box: its detail, unless every field error is shown by its field. */
export function ErrorBox(props: { error?: ApiError; fields?: string[] }) {
  const e = props.error;
  if (!e) {
    return null;
  }
  const shown = props.fields ?? [];
  const others = e.errors.filter((f) => !shown.some((name) => fieldMatches(f.field, name)));
  if (e.errors.length > 0 && others.length === 0) {
    // Every message already stands next to its field.
    return null;
  }
  return (
    <div class="notice error" role="alert">
      <strong>{e.status === 0 ? t('error.network') : e.title}</strong> {e.detail}
      {others.length > 0 && (
        <ul>
          {others.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Shows a loading state, the error with a retry, or the content. */
export function Loading<T>(props: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { data, error, loading, reload } = props.loaded;
  if (error) {
    return (
      <div>
        <ErrorBox error={error} />
        <button class="secondary" onClick={reload}>
          {t('action.retry')}
        </button>
      </div>
    );
  }
  if (data === undefined) {
    return <p aria-busy={loading ? 'true' : 'false'}>{t('state.loading')}</p>;
  }
  return <>{props.children(data)}</>;
}

export function Badge(props: { tone?: 'ok' | 'warn' | 'bad' | 'muted'; children: ComponentChildren }) {
  return <span class={`badge ${props.tone ?? 'muted'}`}>{props.children}</span>;
}

/**
 * A shop's plugin configuration (channel, supplier, marketing feature, notifier) as one badge: its
 * plugin not installed, `disabled` (plain "disabled" unless a screen knows more), paused (on, but
 * its circuit is open after failures), or enabled.
 */
export function ConfigState(props: { config: { installed?: boolean; paused?: boolean; enabled?: boolean }; disabled?: ComponentChildren }) {
  const c = props.config;
  if (!c.installed) {
    return <Badge tone="bad">{t('channels.notInstalled')}</Badge>;
  }
  // Off wins over paused: a configuration staff (or the platform) switched off is not called at
  // all, so its plugin's circuit being open says nothing the reseller needs to act on.
  if (!c.enabled) {
    return <>{props.disabled ?? <Badge>{t('channels.disabled')}</Badge>}</>;
  }
  if (c.paused) {
    return <Badge tone="warn">{t('channels.paused')}</Badge>;
  }
  return <Badge tone="ok">{t('channels.enabled')}</Badge>;
}

/** The API's money: an exact decimal string and its currency (never a float on the wire). */
export interface Money {
  amount?: string;
  currency?: string;
}

export function formatMoney(money: Money | undefined): string {
  const currency = money?.currency ?? 'CNY';
  const amount = money?.amount ?? '0';
  const digits = amount.includes('.') ? amount.length - amount.indexOf('.') - 1 : 0;
  // Number() only for display; the value shown is the decimal the server wrote.
  return new Intl.NumberFormat(document.documentElement.lang || undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(amount));
}

/** Minor units (as the ledger counts them) in a currency with two decimals. */
export function formatMinor(minorUnits: number, currency: string): string {
  const negative = minorUnits < 0;
  const abs = Math.abs(minorUnits);
  const amount = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return (negative ? '-' : '') + formatMoney({ amount, currency });
}

export function formatTime(iso?: string | null): string {
  if (!iso) {
    return '—';
  }
  return new Date(iso).toLocaleString(document.documentElement.lang || undefined);
}

export function Modal(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  return (
    <dialog open>
      <article>
        <header>
          <button aria-label={t('action.close')} {...{ rel: 'prev' }} onClick={props.onClose} />
          <h3>{props.title}</h3>
        </header>
        {props.children}
      </article>
    </dialog>
  );
}
