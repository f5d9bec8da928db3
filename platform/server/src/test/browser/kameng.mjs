// The shared part of the browser tests: where the stack under test runs, and a Chromium to drive.
// BrowserIT starts `node --test` with the environment below; the specs import this module.
import { mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after } from 'node:test';
import { chromium } from 'playwright-core';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the browser tests run through BrowserIT (./kameng test)`);
  }
  return value;
}

const baseUrl = required('KAMENG_BASE_URL').replace(/\/$/, '');
const basePort = new URL(baseUrl).port;

export const config = {
  /** The platform's own address, e.g. http://127.0.0.1:9123. */
  baseUrl,
  keycloakUrl: required('KAMENG_KEYCLOAK_URL').replace(/\/$/, ''),
  adminPassword: required('KAMENG_ADMIN_PASSWORD'),
  resellerPassword: required('KAMENG_RESELLER_PASSWORD'),
  /** Where screenshots go: platform/server/target/browser. */
  artifacts: required('KAMENG_BROWSER_ARTIFACTS'),
  /** A shop's storefront: `<slug>.localhost` resolves to loopback in Chromium itself. */
  shopUrl(slug) {
    return `http://${slug}.localhost:${basePort}`;
  },
};

/** The demo shop's fixed ids (see the server's DemoShop and DemoChannels). */
export const demo = {
  slug: 'demo',
  skuId: '00000000-0000-4000-8000-0000000e0001',
  manualChannelId: '00000000-0000-4000-8000-0000000f0001',
  sandboxChannelId: '00000000-0000-4000-8000-0000000f0002',
};

/**
 * Debian's Chromium, headless, with a fresh profile. The background-networking flags matter: this
 * machine's network is closed and Chromium would otherwise keep trying to reach Google's hosts.
 */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.KAMENG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

let browser;

// An open browser keeps Node's event loop alive: close it once the spec file's tests are done.
after(async () => {
  await browser?.close();
});

/** One browser per spec file. */
async function sharedBrowser() {
  if (!browser) {
    browser = await launch();
  }
  return browser;
}

/**
 * Runs fn with a page in a fresh context (its own cookies) and closes it after; when fn fails, a
 * full-page screenshot named after the test lands in the artifacts folder.
 */
export async function withPage(t, fn, contextOptions = {}) {
  const context = await (await sharedBrowser()).newContext({ locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  try {
    await fn(page, context);
  } catch (error) {
    await screenshot(page, `FAILED-${t.name}`).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

/** Saves a full-page screenshot as `<artifacts>/<name>.png` and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(config.artifacts, { recursive: true });
  const file = join(config.artifacts, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A JSON request to the platform outside the browser, e.g. to set up an order. Node's resolver does
 * not know `*.localhost` the way Chromium does, so such hosts are reached on loopback with their
 * name in the Host header, which is how the platform picks the shop.
 */
export function api(url, { method = 'GET', body, headers = {} } = {}) {
  const target = new URL(url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const options = {
    method,
    host: target.hostname.endsWith('.localhost') ? '127.0.0.1' : target.hostname,
    port: target.port,
    path: target.pathname + target.search,
    headers: {
      Host: target.host,
      Accept: 'application/json',
      ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
      ...headers,
    },
  };
  return new Promise((resolve, reject) => {
    const request = httpRequest(options, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode, headers: response.headers, json, text });
      });
    });
    request.on('error', reject);
    if (payload) request.write(payload);
    request.end();
  });
}
