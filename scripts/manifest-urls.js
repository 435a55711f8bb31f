// Rewrites the development URL (https://localhost:3000/) in the manifest to the production URL.
// Shared by webpack.config.js and test/manifest/manifest.test.ts.
//
// Microsoft's shared-runtime template does `content.replace(urlDev, urlProd)` with a string,
// which replaces only the FIRST occurrence; here every occurrence is replaced.
"use strict";

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://vshu.example.ru/addin/";

/** The production base URL: env VSHU_PROD_URL or the default; always ends with "/". */
function productionUrl(env = process.env) {
  const raw = (env.VSHU_PROD_URL || DEFAULT_PROD_URL).trim();
  const url = raw.endsWith("/") ? raw : raw + "/";
  if (!/^https:\/\/[^/\s]+\/\S*$/.test(url) || url.includes("localhost")) {
    throw new Error(`VSHU_PROD_URL must be a public https:// URL, got "${raw}"`);
  }
  return url;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replace every occurrence of `from` (default: the dev URL) by `to` in `content`. */
function rewriteManifestUrls(content, to, from = DEV_URL) {
  return String(content).replace(new RegExp(escapeRegExp(from), "g"), to);
}

module.exports = { DEV_URL, DEFAULT_PROD_URL, productionUrl, rewriteManifestUrls };
