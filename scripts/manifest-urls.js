// Rewrites the development URL (https://localhost:3000/) in the manifests to the production URL.
// Shared by webpack.config.js and test/manifest/manifest.test.ts.
//
// Microsoft's shared-runtime template does `content.replace(urlDev, urlProd)` with a string,
// which replaces only the FIRST occurrence; here every occurrence is replaced.
//
// There is no default production URL: a production build without one fails, so an example
// host can never reach a school's catalog.
"use strict";

const DEV_URL = "https://localhost:3000/";

/**
 * The production base URL, always ending with "/": `explicit` (webpack's `--env prodUrl=…`)
 * or env VSHU_PROD_URL. Throws when neither is set or the URL is not a public https URL.
 */
function productionUrl(env = process.env, explicit = undefined) {
  const raw = String(explicit || env.VSHU_PROD_URL || "").trim();
  if (raw === "") {
    throw new Error(
      "Не задан адрес, с которого школа будет загружать надстройку: задайте VSHU_PROD_URL, " +
        "например VSHU_PROD_URL=https://school.example.ru/vshu/ npm run build " +
        "(или npm run build -- --env prodUrl=https://school.example.ru/vshu/). " +
        "/ VSHU_PROD_URL is not set: a production build needs the https URL it will be served from."
    );
  }
  const url = raw.endsWith("/") ? raw : raw + "/";
  if (!/^https:\/\/[^/\s]+\/\S*$/.test(url) || /localhost|127\.0\.0\.1/.test(url)) {
    throw new Error(
      `VSHU_PROD_URL должен быть публичным адресом https://…, а не «${raw}». ` +
        `/ VSHU_PROD_URL must be a public https:// URL, got "${raw}".`
    );
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

module.exports = { DEV_URL, productionUrl, rewriteManifestUrls };
