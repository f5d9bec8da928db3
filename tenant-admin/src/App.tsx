import { useEffect } from 'preact/hooks';
import { client, call } from './api/client';
import { login, logout } from './auth';
import { t, LocaleSwitch } from './i18n';
import { navigate, onLinkClick, usePath } from './router';
import { Loading } from './ui/parts';
import { useLoad } from './ui/load';
import { Dashboard } from './screens/Dashboard';
import { Catalogue } from './screens/Catalogue';
import { CardKeys } from './screens/CardKeys';
import { Orders, OrderDetail } from './screens/Orders';
import { Channels } from './screens/Channels';
import { Team } from './screens/Team';
import { PluginConfigs } from './screens/PluginConfigs';
import { Resellers } from './screens/Resellers';
import { Suppliers } from './screens/Suppliers';
import { Storefront } from './screens/Storefront';
import { Books } from './screens/Books';
import { Tenants, TenantDetail } from './platform/Tenants';
import { Plugins } from './platform/Plugins';
import { Health } from './platform/Health';
import { AuditLog } from './platform/AuditLog';

export const PLATFORM_ADMIN = 'platform-admin';

export function App(props: { signedIn: boolean }) {
  if (!props.signedIn) {
    return <Welcome />;
  }
  return <SignedIn />;
}

function Welcome() {
  return (
    <main class="container welcome">
      <article>
        <header>
          <h1>{t('app.name')}</h1>
          <LocaleSwitch />
        </header>
        <p>{t('welcome.text')}</p>
        <button onClick={() => void login()}>{t('action.login')}</button>
      </article>
    </main>
  );
}

function SignedIn() {
  const me = useLoad(() => call(client.GET('/api/me')), []);
  return (
    <Loading loaded={me}>
      {(user) => <Shell username={user.username ?? ''} roles={user.roles ?? []} shops={user.shops ?? []} />}
    </Loading>
  );
}

const SHOP_SCREENS: { id: string; label: () => string }[] = [
  { id: 'dashboard', label: () => t('nav.dashboard') },
  { id: 'catalog', label: () => t('nav.catalog') },
  { id: 'keys', label: () => t('nav.keys') },
  { id: 'orders', label: () => t('nav.orders') },
  { id: 'channels', label: () => t('nav.channels') },
  { id: 'marketing', label: () => t('nav.marketing') },
  { id: 'notifiers', label: () => t('nav.notifiers') },
  { id: 'suppliers', label: () => t('nav.suppliers') },
  { id: 'resellers', label: () => t('nav.resellers') },
  { id: 'team', label: () => t('nav.team') },
  { id: 'books', label: () => t('nav.books') },
  { id: 'storefront', label: () => t('nav.storefront') },
];

const PLATFORM_SCREENS: { id: string; label: () => string }[] = [
  { id: 'tenants', label: () => t('nav.tenants') },
  { id: 'plugins', label: () => t('nav.plugins') },
  { id: 'health', label: () => t('nav.health') },
  { id: 'audit', label: () => t('nav.audit') },
];

function Shell(props: { username: string; roles: string[]; shops: string[] }) {
  const path = usePath();
  const isAdmin = props.roles.includes(PLATFORM_ADMIN);
  const shopMatch = /^\/admin\/shops\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/.exec(path);
  const platformMatch = /^\/admin\/platform\/([^/]+)(?:\/([^/]+))?/.exec(path);
  const slug = shopMatch?.[1];

  useEffect(() => {
    if (shopMatch || platformMatch) {
      return;
    }
    if (path === '/admin/' || path === '/admin') {
      if (props.shops.length === 1) {
        navigate(`/admin/shops/${props.shops[0]}/dashboard`, true);
      } else if (props.shops.length === 0 && isAdmin) {
        navigate('/admin/platform/tenants', true);
      }
    }
  }, [path]);

  let content;
  if (shopMatch && slug) {
    if (!props.shops.includes(slug)) {
      content = <p class="notice error">{t('shop.notMember', { slug })}</p>;
    } else {
      content = shopScreen(slug, shopMatch[2] ?? 'dashboard', shopMatch[3]);
    }
  } else if (platformMatch && isAdmin) {
    content = platformScreen(platformMatch[1], platformMatch[2]);
  } else if (platformMatch) {
    content = <p class="notice error">{t('platform.notAdmin')}</p>;
  } else {
    content = <ShopPicker shops={props.shops} isAdmin={isAdmin} />;
  }

  return (
    <div class="shell" onClick={onLinkClick}>
      <nav class="topbar container-fluid">
        <ul>
          <li>
            <a href="/admin/" class="brand">
              <strong>{t('app.name')}</strong>
            </a>
          </li>
          {props.shops.length > 1 && (
            <li>
              <select
                aria-label={t('shop.pick')}
                value={slug ?? ''}
                onChange={(e) => navigate(`/admin/shops/${(e.target as HTMLSelectElement).value}/dashboard`)}
              >
                <option value="" disabled>
                  {t('shop.pick')}
                </option>
                {props.shops.map((s) => (
                  <option value={s}>{s}</option>
                ))}
              </select>
            </li>
          )}
        </ul>
        <ul>
          <li>
            <LocaleSwitch />
          </li>
          <li class="user">{props.username}</li>
          <li>
            <button class="secondary outline" onClick={() => void logout()}>
              {t('action.logout')}
            </button>
          </li>
        </ul>
      </nav>
      <div class="body">
        <aside>
          {slug && (
            <nav>
              <small class="section">{t('nav.shop', { slug })}</small>
              <ul>
                {SHOP_SCREENS.map((s) => (
                  <li>
                    <a
                      href={`/admin/shops/${slug}/${s.id}`}
                      aria-current={(shopMatch?.[2] ?? 'dashboard') === s.id ? 'page' : undefined}
                    >
                      {s.label()}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {isAdmin && (
            <nav>
              <small class="section">{t('nav.platform')}</small>
              <ul>
                {PLATFORM_SCREENS.map((s) => (
                  <li>
                    <a
                      href={`/admin/platform/${s.id}`}
                      aria-current={platformMatch?.[1] === s.id ? 'page' : undefined}
                    >
                      {s.label()}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </aside>
        <main>{content}</main>
      </div>
    </div>
  );
}

function ShopPicker(props: { shops: string[]; isAdmin: boolean }) {
  return (
    <section>
      <h2>{t('shop.pick')}</h2>
      {props.shops.length === 0 && !props.isAdmin && <p>{t('shop.none')}</p>}
      <div class="cards">
        {props.shops.map((s) => (
          <a class="card" href={`/admin/shops/${s}/dashboard`}>
            <article>
              <strong>{s}</strong>
            </article>
          </a>
        ))}
        {props.isAdmin && (
          <a class="card" href="/admin/platform/tenants">
            <article>
              <strong>{t('nav.platform')}</strong>
            </article>
          </a>
        )}
      </div>
    </section>
  );
}

function shopScreen(slug: string, screen: string, sub?: string) {
  switch (screen) {
    case 'dashboard':
      return <Dashboard slug={slug} />;
    case 'catalog':
      return <Catalogue slug={slug} />;
    case 'keys':
      return <CardKeys slug={slug} />;
    case 'orders':
      return sub ? <OrderDetail slug={slug} orderId={sub} /> : <Orders slug={slug} />;
    case 'channels':
      return <Channels slug={slug} />;
    case 'marketing':
      return <PluginConfigs slug={slug} kind="MARKETING" />;
    case 'notifiers':
      return <PluginConfigs slug={slug} kind="NOTIFIER" />;
    case 'suppliers':
      return <Suppliers slug={slug} />;
    case 'resellers':
      return <Resellers slug={slug} />;
    case 'team':
      return <Team slug={slug} />;
    case 'books':
      return <Books slug={slug} />;
    case 'storefront':
      return <Storefront slug={slug} />;
    default:
      return <p class="notice error">{t('state.notFound')}</p>;
  }
}

function platformScreen(screen: string, sub?: string) {
  switch (screen) {
    case 'tenants':
      return sub ? <TenantDetail id={sub} /> : <Tenants />;
    case 'plugins':
      return <Plugins />;
    case 'health':
      return <Health />;
    case 'audit':
      return <AuditLog />;
    default:
      return <p class="notice error">{t('state.notFound')}</p>;
  }
}
