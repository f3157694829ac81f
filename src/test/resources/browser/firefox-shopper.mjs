// Runs shopper-flow.js in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (Firefox's own remote
// protocol: no geckodriver, which nothing here can install). Usage: node firefox-shopper.mjs <firefox> <flow.js> <url>
// Prints one line of JSON: what the shopper saw, or { error }.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const [firefox, flowFile, url] = process.argv.slice(2);
const flow = readFileSync(flowFile, 'utf8');
const profile = mkdtempSync(join(tmpdir(), 'shopgraph-firefox-'));
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true, userDataDir: profile,
  // Nothing in the background may reach the network (this machine has none beyond its registries).
  extraPrefsFirefox: { 'network.dns.disablePrefetch': true, 'app.update.enabled': false, 'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false } });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  await page.goto(url, { waitUntil: 'load' });
  const seen = await page.evaluate(`${flow}\nshopperFlow();`);
  console.log(JSON.stringify(seen));
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.stack || e) }));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
