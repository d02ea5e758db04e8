// `lingui compile` that fails on any message Lingui cannot compile, but (unless --strict) accepts missing
// translations: the CLI ties both to --strict, and catalogs are legitimately incomplete until translators catch up.
// Runs the CLI's own compile command (a file of the pinned @lingui/cli, not part of its public API).
const path = require("path");
const { getConfig } = require("@lingui/conf");
const { command } = require(path.join(__dirname, "node_modules/@lingui/cli/dist/lingui-compile.js"));

const strict = process.argv.includes("--strict");
command(getConfig({ configPath: path.join(__dirname, "lingui.config.js") }), {
  verbose: false,
  allowEmpty: !strict,
  failOnCompileError: true,
  workersOptions: { poolSize: 0 },
  typescript: false,
}).then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
