// Used by scripts/check-catalogs.sh only: compiles a copy of the crm catalogs (one folder per locale, each with a
// messages.po) with the real Lingui CLI, to prove Lingui reads what `crm i18n` writes.
const fs = require("fs");
const path = require("path");
const { formatter } = require("@lingui/format-po");

const root = process.env.CRM_LINGUI_CATALOGS;
if (!root) {
  throw new Error("CRM_LINGUI_CATALOGS is not set; run scripts/check-catalogs.sh");
}
const locales = fs
  .readdirSync(root)
  .filter((name) => fs.existsSync(path.join(root, name, "messages.po")))
  .sort();

module.exports = {
  locales,
  sourceLocale: "en",
  // the pseudo locale is generated from the English source, so it is never "missing" translations
  ...(locales.includes("pseudo") ? { pseudoLocale: "pseudo" } : {}),
  catalogs: [{ path: path.join(root, "{locale}", "messages"), include: [] }],
  format: formatter({ lineNumbers: false }),
};
