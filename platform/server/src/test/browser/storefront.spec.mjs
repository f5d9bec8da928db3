// The storefront as a buyer sees it (issue 6): browse → product → checkout with the sandbox
// channel → pay on the sandbox page → the order page shows the key, the copy button copies it, and
// a reload shows it again, and so does the order link on another device; in both themes, in English and in Chinese; and at 360 px wide the pages
// do not scroll sideways. Screenshots of the main pages at desktop and phone width land in
// target/browser for the README.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { config, demo, screenshot, withPage } from './kameng.mjs';

const shop = config.shopUrl(demo.slug);
const productId = '00000000-0000-4000-8000-0000000d0001';
const phone = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const texts = {
  en: { buy: 'Buy now', place: 'Place order and pay', copied: 'Copied', delivered: 'Delivered' },
  'zh-CN': { buy: '立即购买', place: '提交订单并支付', copied: '已复制', delivered: '已发货' },
};

function base64url(bytes) {
  return Buffer.from(bytes).toString('base64url');
}

/** The demo reseller's access token, through the admin app's login (code flow with PKCE). */
async function resellerToken(page) {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const redirect = `http://127.0.0.1:${new URL(config.baseUrl).port}/admin/`;
  const oidc = `${config.keycloakUrl}/realms/kameng/protocol/openid-connect`;
  const query = new URLSearchParams({
    client_id: 'kameng-admin',
    response_type: 'code',
    scope: 'openid organization:*',
    redirect_uri: redirect,
    state: base64url(randomBytes(8)),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  await page.goto(`${oidc}/auth?${query}`);
  // Keycloak with Organizations asks for the username first, then the password.
  await page.locator('#username').fill('reseller');
  if (!(await page.locator('#password').isVisible())) {
    await page.locator('[type=submit]').first().click();
  }
  await page.locator('#password').fill(config.resellerPassword);
  const back = page.waitForURL((url) => url.href.startsWith(redirect), { waitUntil: 'commit' });
  await page.locator('[type=submit]').first().click();
  await back;
  const code = new URL(page.url()).searchParams.get('code');
  const response = await fetch(`${oidc}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: 'kameng-admin',
      code,
      redirect_uri: redirect,
      code_verifier: verifier,
    }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()).access_token;
}

/** Makes {@code theme} the demo shop's theme through the owner's admin API. */
async function useTheme(t, theme, settings = {}) {
  let token;
  await withPage(t, async (page) => {
    token = await resellerToken(page);
  });
  const response = await fetch(`${config.baseUrl}/api/shops/demo/theme`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ theme, settings }),
  });
  assert.equal(response.status, 200, await response.text());
}

/** The whole purchase in the current theme and {@code locale}; screenshots named {@code prefix}. */
async function buyAKey(t, prefix, locale) {
  const words = texts[locale];
  await withPage(
    t,
    async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shop });
      await page.goto(`${shop}/`);
      await page.locator(`a[href="/p/${productId}"]`).first().waitFor();
      await screenshot(page, `${prefix}-home-desktop`);

      await page.locator(`a[href="/p/${productId}"]`).first().click();
      await page.locator(`input[name=sku][value="${demo.skuId}"]`).check();
      await screenshot(page, `${prefix}-product-desktop`);
      await page.getByRole('button', { name: words.buy }).click();

      await page.waitForURL(/\/checkout\?/);
      await page.locator('input[name=email]').fill('browser-buyer@example.cn');
      await page.locator(`input[name=channel][value="${demo.sandboxChannelId}"]`).check();
      await screenshot(page, `${prefix}-checkout-desktop`);
      await page.getByRole('button', { name: words.place }).click();

      // The hand-off page sends the buyer on to the sandbox's hosted page by itself.
      await page.locator('button[value="pay"]').waitFor();
      await page.locator('button[value="pay"]').click();
      await page.getByRole('heading', { name: /Test payment succeeded/ }).waitFor();
      await page.locator('a.back').click();

      // Back in the shop: the order page reloads itself until the key is there.
      await page.waitForURL(`${shop}/order`);
      const key = page.locator('.key-value').first();
      await key.waitFor({ timeout: 30_000 });
      const value = await key.innerText();
      assert.match(value, /^DEMO(-[A-Z2-9]{4}){3}$/);
      assert.ok(!page.url().includes(value), 'the key is in the address');
      await screenshot(page, `${prefix}-order-desktop`);

      const copy = page.locator('button[data-copy]').first();
      await copy.click();
      await assert.doesNotReject(page.waitForFunction((word) => document.querySelector('button[data-copy]').textContent === word, words.copied));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value);

      // Later, the same browser opens its order again: the key is still there.
      await page.goto(`${shop}/order`);
      assert.equal(await page.locator('.key-value').first().innerText(), value);
      assert.match(await page.locator('.status').innerText(), new RegExp(words.delivered));

      // On another device (a browser without the order cookie) the order link opens it too: the
      // code rides in the link's fragment, which no server and no log ever sees.
      const link = await page.locator('details.code .key-value').nth(1).textContent();
      assert.match(link, /\/lookup#token=/);
      const elsewhere = await context.browser().newContext({ locale: 'en-US' });
      try {
        const other = await elsewhere.newPage();
        await other.goto(link);
        await other.waitForURL(`${shop}/order`);
        assert.equal(await other.locator('.key-value').first().innerText(), value);
      } finally {
        await elsewhere.close();
      }
    },
    { locale: locale === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 1280, height: 900 } },
  );
}

/** At 360 px: the pages fit the screen (no sideways scroll); screenshots named {@code prefix}. */
async function fitsAPhone(t, prefix, locale) {
  await withPage(
    t,
    async (page) => {
      for (const [name, path] of [
        ['home', '/'],
        ['product', `/p/${productId}`],
        ['checkout', `/checkout?sku=${demo.skuId}&quantity=1`],
        ['lookup', '/lookup'],
      ]) {
        await page.goto(`${shop}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${prefix} ${name} scrolls sideways by ${overflow}px at 360px`);
        await screenshot(page, `${prefix}-${name}-phone`);
      }
    },
    { ...phone, locale: locale === 'en' ? 'en-US' : 'zh-CN' },
  );
}

test('a buyer buys a key in the default theme, in English', async (t) => {
  await buyAKey(t, 'aurora-en', 'en');
});

test('the default theme fits a 360 px phone', async (t) => {
  await fitsAPhone(t, 'aurora-en', 'en');
});

test('a buyer buys a key in the card-league theme, in Chinese, and it fits a phone', async (t) => {
  await useTheme(t, 'league', { announcement: '新品上架：Steam 钱包卡 5 张起享批发价。' });
  try {
    await buyAKey(t, 'league-zh', 'zh-CN');
    await fitsAPhone(t, 'league-zh', 'zh-CN');
  } finally {
    // Leave the demo shop as the other tests expect it: the default theme.
    await useTheme(t, 'aurora');
  }
});
