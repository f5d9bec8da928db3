import { useEffect, useState } from 'preact/hooks';
import { client, call, raw, type Schemas } from '../api/client';
import { t } from '../i18n';
import { useAction, useLoad } from '../ui/load';
import { ErrorBox } from '../ui/parts';

type JobEntry = Schemas['JobEntry'];

/** The server's job kind of one refund through the provider (ProviderRefunds.JOB). */
const JOB = 'payment.provider-refund';

/** How long the page keeps reading the order again while the provider works: 2 s × 60. */
const POLL_MS = 2000;
const POLLS = 60;

/**
 * "Refund through the provider" for an order flagged for refund. The server queues a job that asks
 * the payment channel to pay back; the order turns REFUNDED only when the provider has. So the page
 * shows the queued state and reads the order again until the job ended; a channel that cannot
 * refund (409) or a provider that refused leaves the order flagged, and staff are told to refund by
 * hand and record it with the existing "mark as refunded".
 */
/** The newest refund-through-the-provider job of the order, and whether it still waits or runs. */
export function providerRefundJob(jobs: JobEntry[]): { job?: JobEntry; waiting: boolean } {
  const job = [...jobs].reverse().find((j) => j.kind === JOB);
  return { job, waiting: job !== undefined && (job.status === 'READY' || job.status === 'RUNNING') };
}

export function ProviderRefund(props: {
  slug: string;
  orderId: string;
  jobs: JobEntry[];
  busy: boolean;
  onStart: () => void;
  onChanged: () => void;
  markRefunded: () => void;
}) {
  const action = useAction();
  const [polls, setPolls] = useState(0);
  const { job, waiting } = providerRefundJob(props.jobs);
  // Still flagged after the job ended: the provider refused, or the job gave up.
  const ended = job !== undefined && !waiting;

  useEffect(() => {
    if (!waiting || polls >= POLLS) {
      return;
    }
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      props.onChanged();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, polls]);

  const request = async () => {
    props.onStart();
    const done = await action.run(() =>
      raw(`/api/shops/${encodeURIComponent(props.slug)}/orders/${props.orderId}/refund-through-provider`, { method: 'POST' }),
    );
    if (done !== undefined) {
      setPolls(0);
      props.onChanged();
    }
  };

  const cannot = action.error?.status === 409 ? action.error : undefined;
  return (
    <div data-testid="provider-refund">
      <button disabled={action.busy || props.busy || waiting} aria-busy={action.busy} onClick={request}>
        {t('refund.throughProvider')}
      </button>
      {waiting && (
        <p class="notice ok" role="status" data-testid="refund-queued">
          {polls >= POLLS ? t('refund.stillQueued') : t('refund.queued')}
          {polls >= POLLS && (
            <>
              {' '}
              <button class="secondary outline small" onClick={() => setPolls(0)}>
                {t('action.refresh')}
              </button>
            </>
          )}
        </p>
      )}
      {ended && !cannot && <ProviderRefused slug={props.slug} orderId={props.orderId} job={job} />}
      {cannot && (
        <div class="notice warn" role="alert" data-testid="refund-by-hand">
          <strong>{t('refund.byHandTitle')}</strong>
          <p>{t('refund.byHand')}</p>
          <p>
            <small>{cannot.detail}</small>
          </p>
          <button disabled={props.busy} onClick={props.markRefunded}>
            {t('orders.markRefunded')}
          </button>
        </div>
      )}
      {!cannot && <ErrorBox error={action.error} />}
    </div>
  );
}

/** Why the provider did not pay back, from the shop's audit log (the job records it there). */
function ProviderRefused(props: { slug: string; orderId: string; job: JobEntry }) {
  const audit = useLoad(
    () => call(client.GET('/api/shops/{slug}/audit', { params: { path: { slug: props.slug }, query: { limit: 200 } } })),
    [props.slug, props.orderId, props.job.id],
  );
  const entry = audit.data?.find((e) => e.action === 'order.provider-refund.refused' && e.subject === `order:${props.orderId}`);
  let reason = props.job.lastError ?? '';
  try {
    reason = (JSON.parse(entry?.detail ?? '{}') as { reason?: string }).reason ?? reason;
  } catch {
    // Not JSON: the reason stays the job's own error, if any.
  }
  return (
    <p class="notice warn" role="status" data-testid="refund-refused">
      {t('refund.refused')} {reason && <q>{reason}</q>}
    </p>
  );
}
