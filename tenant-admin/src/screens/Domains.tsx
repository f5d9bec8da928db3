import { useState } from 'preact/hooks';
import { client, call, type Schemas } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { Badge, ErrorBox, Field, formatTime, invalid, Loading } from '../ui/parts';

type DomainView = Schemas['DomainView'];

/**
 * The shop's custom domains: add one, see what to publish to prove control (a TXT record or a
 * file), ask the platform to verify, remove. A verified domain is checked again daily
 * (docs/operations/custom-domains.md); its last check shows here.
 */
export function Domains(props: { slug: string }) {
  const path = { slug: props.slug };
  const domains = useLoad(() => call(client.GET('/api/shops/{slug}/domains', { params: { path } })), [props.slug]);
  const [domain, setDomain] = useState('');
  const adding = useAction();
  const acting = useAction();
  const add = async (e: Event) => {
    e.preventDefault();
    const added = await adding.run(() => call(client.POST('/api/shops/{slug}/domains', { params: { path }, body: { domain } })));
    if (added !== undefined) {
      setDomain('');
      domains.reload();
    }
  };
  const act = async (work: () => Promise<unknown>) => {
    if ((await acting.run(work)) !== undefined) {
      domains.reload();
    }
  };
  return (
    <section data-testid="domains">
      <h3>{t('domains.title')}</h3>
      <p class="muted">{t('domains.intro')}</p>
      <ErrorBox error={acting.error} />
      <Loading loaded={domains}>
        {(list) =>
          list.length === 0 ? (
            <p class="muted">{t('domains.none')}</p>
          ) : (
            <>
              {list.map((d) => (
                <DomainCard
                  d={d}
                  busy={acting.busy}
                  onVerify={() =>
                    act(() =>
                      call(
                        client.POST('/api/shops/{slug}/domains/{domain}/verify', {
                          params: { path: { ...path, domain: d.domain! } },
                        }),
                      ),
                    )
                  }
                  onRemove={() =>
                    confirm(t('domains.confirmRemove', { domain: d.domain ?? '' })) &&
                    act(() =>
                      call(
                        client.DELETE('/api/shops/{slug}/domains/{domain}', {
                          params: { path: { ...path, domain: d.domain! } },
                        }),
                      ).then(() => true),
                    )
                  }
                />
              ))}
            </>
          )
        }
      </Loading>
      <form onSubmit={add} class="inline-form">
        <Field label={t('domains.add')} name="domain" error={adding.error}>
          <input
            name="domain"
            value={domain}
            placeholder="shop.example.com"
            onInput={(e) => setDomain(e.currentTarget.value)}
            aria-invalid={invalid(adding.error, 'domain')}
          />
        </Field>
        <ErrorBox error={adding.error} fields={['domain']} />
        <button type="submit" aria-busy={adding.busy} disabled={adding.busy}>
          {t('domains.addButton')}
        </button>
      </form>
    </section>
  );
}

function DomainCard(props: { d: DomainView; busy: boolean; onVerify: () => void; onRemove: () => void }) {
  const d = props.d;
  const verified = d.status === 'VERIFIED';
  return (
    <article class="card" data-domain={d.domain}>
      <header>
        <strong>{d.domain}</strong>{' '}
        {verified ? <Badge tone="ok">{t('domains.verified')}</Badge> : <Badge tone="warn">{t('domains.pending')}</Badge>}
      </header>
      {!verified && (
        <>
          <p>{t('domains.proveTxt')}</p>
          <dl class="proof">
            <dt>{t('domains.txtName')}</dt>
            <dd>
              <code>{d.proof?.txtName}</code>
            </dd>
            <dt>{t('domains.txtValue')}</dt>
            <dd>
              <code>{d.proof?.txtValue}</code>
            </dd>
          </dl>
          <p>
            {t('domains.proveHttp')} <code>{d.proof?.httpUrl}</code>
          </p>
        </>
      )}
      {d.lastCheck?.at && (
        <p class="muted">
          {t('domains.lastCheck', { at: formatTime(d.lastCheck.at) })}
          {d.lastCheck.problem ? ` — ${d.lastCheck.problem}` : ''}
        </p>
      )}
      <footer class="actions">
        {!verified && (
          <button class="small" onClick={props.onVerify} disabled={props.busy}>
            {t('domains.verify')}
          </button>
        )}{' '}
        <button class="secondary outline small" onClick={props.onRemove} disabled={props.busy}>
          {t('domains.remove')}
        </button>
      </footer>
    </article>
  );
}
