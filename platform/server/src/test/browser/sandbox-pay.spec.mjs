// The sandbox channel's hosted page in a real browser: its CSP and form post must let a buyer pay.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, config, demo, screenshot, withPage } from './kameng.mjs';

const shop = config.shopUrl(demo.slug);

async function placeSandboxOrder() {
  const placed = await api(`${shop}/api/public/orders`, {
    method: 'POST',
    body: { skuId: demo.skuId, quantity: 1, buyerEmail: 'browser@example.cn', channelId: demo.sandboxChannelId },
  });
  assert.equal(placed.status, 201, placed.text);
  return placed.json;
}

async function lookup(token) {
  const order = await api(`${shop}/api/public/orders/lookup`, { method: 'POST', body: { token } });
  assert.equal(order.status, 200, order.text);
  return order.json;
}

test('a buyer pays on the sandbox page and the order is delivered', async (t) => {
  const placed = await placeSandboxOrder();
  await withPage(t, async (page) => {
    await page.goto(placed.payment.action.url);
    await page.locator('dd.amount').waitFor();
    assert.match(await page.locator('dd.amount').innerText(), /CNY/);
    await screenshot(page, 'sandbox-pay-page');

    await page.locator('button[value="pay"]').click();
    await page.getByRole('heading', { name: /Test payment succeeded/ }).waitFor();
  });
  const order = await lookup(placed.token);
  assert.equal(order.status, 'DELIVERED');
  assert.equal(order.keys.length, 1);
});

test('a buyer who chooses fail is left with an unpaid order', async (t) => {
  const placed = await placeSandboxOrder();
  await withPage(t, async (page) => {
    await page.goto(placed.payment.action.url);
    await page.locator('button[value="fail"]').click();
    await page.getByRole('heading', { name: /Test payment failed/ }).waitFor();
  });
  const order = await lookup(placed.token);
  assert.equal(order.status, 'PENDING_PAYMENT');
  assert.equal(order.keys?.length ?? 0, 0);
});
