import { client, call, type Schemas } from '../api/client';
import { t } from '../i18n';
import { useLoad } from '../ui/load';
import { ListTable } from '../ui/ListTable';
import { Badge, formatMoney, formatTime, Loading, type Money } from '../ui/parts';

type ChannelTopUp = Schemas['ChannelTopUp'];

const TONES: Record<string, 'ok' | 'warn' | 'bad' | 'muted'> = { PAID: 'ok', PENDING: 'warn', FAILED: 'bad', EXPIRED: 'muted' };

/**
 * A reseller's top-ups paid through the shop's payment channels over the reseller API (ADR 0020),
 * newest first: staff see which are still pending and what each paid one left on the balance.
 */
export function ChannelTopUps(props: { slug: string; resellerId: string }) {
  const topUps = useLoad(
    () => call(client.GET('/api/shops/{slug}/resellers/{id}/top-ups', { params: { path: { slug: props.slug, id: props.resellerId } } })),
    [props.slug, props.resellerId],
  );
  return (
    <section data-testid="channel-top-ups">
      <h4>{t('resellers.channelTopUps')}</h4>
      <Loading loaded={topUps}>
        {(list: ChannelTopUp[]) => (
          <ListTable
            items={list}
            empty={t('resellers.noChannelTopUps')}
            headers={['#', t('resellers.topUpAmount'), t('resellers.status'), t('resellers.balanceAfter'), t('resellers.channel'), t('resellers.since')]}
            row={(u) => (
              <tr data-top-up={u.number}>
                <td>T{u.number}</td>
                <td>{formatMoney(u.amount as Money)}</td>
                <td>
                  <Badge tone={TONES[u.status ?? ''] ?? 'muted'}>{t(`topUpState.${u.status ?? 'PENDING'}`)}</Badge>
                </td>
                <td>{u.balanceAfter ? formatMoney(u.balanceAfter as Money) : '—'}</td>
                <td>{u.channel}</td>
                <td>{formatTime(u.createdAt)}</td>
              </tr>
            )}
          />
        )}
      </Loading>
    </section>
  );
}
