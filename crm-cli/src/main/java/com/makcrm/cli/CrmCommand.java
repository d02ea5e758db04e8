package com.makcrm.cli;

import com.makcrm.cli.backup.BackupCommand;
import com.makcrm.cli.backup.RestoreCommand;
import com.makcrm.cli.config.ConfigFile;
import com.makcrm.cli.config.DatabaseSettings;
import com.makcrm.cli.config.Settings;
import com.makcrm.cli.i18n.I18nCommand;
import com.makcrm.cli.migrate.MigrateCommand;
import com.makcrm.cli.tenant.TenantCommand;
import com.makcrm.core.i18n.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code crm}: the root command, holding the options every subcommand shares. */
@Command(
        name = "crm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "MaK-CRM operator tool: tenants, migrations, backups and translations.",
        subcommands = {
            TenantCommand.class,
            MigrateCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            I18nCommand.class,
            CompletionCommand.class
        },
        footer = ExitCodes.HELP
                + "%nSettings: command-line flags first, then CRM_* environment variables, then the%n"
                + "config file ~/.config/crm/config.yaml (keys database.url, database.user,%n"
                + "database.password, backup.repository).%n")
public final class CrmCommand implements Runnable {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--db-url",
            scope = ScopeType.INHERIT,
            paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL (env CRM_DATABASE_URL; default " + DatabaseSettings.DEFAULT_URL
                    + "). The database is created when missing.")
    private String dbUrl;

    @Option(
            names = "--db-user",
            scope = ScopeType.INHERIT,
            paramLabel = "USER",
            description = "Database user (env CRM_DATABASE_USER; default postgres).")
    private String dbUser;

    @Option(
            names = "--db-password",
            scope = ScopeType.INHERIT,
            paramLabel = "PASSWORD",
            description = "Database password (env CRM_DATABASE_PASSWORD; prefer the env or config file).")
    private String dbPassword;

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Config file (env CRM_CONFIG; default ~/.config/crm/config.yaml).")
    private String configFile;

    @Option(
            names = "--lang",
            scope = ScopeType.INHERIT,
            paramLabel = "LOCALE",
            description = "Language of messages: en, ru or pseudo (default: from LC_ALL, LC_MESSAGES or LANG, e.g."
                    + " ru_RU.UTF-8; else en). The ERROR: prefix and machine output (-o json|yaml) stay untranslated.")
    private String lang;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Show logs and stack traces.")
    private boolean verbose;

    private final Map<String, String> env;

    CrmCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Builds, runs and returns the exit code; {@code env} stands in for the process environment in tests. */
    public static int run(String[] args, Map<String, String> env) {
        CommandLine cl = commandLine(env);
        java.nio.charset.Charset charset = outputCharset();
        cl.setOut(new java.io.PrintWriter(
                new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out), charset),
                true));
        cl.setErr(new java.io.PrintWriter(
                new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.err), charset),
                true));
        return cl.execute(args);
    }

    /**
     * The terminal's encoding; UTF-8 when the JVM could only find ASCII, which is what it reports for a locale the
     * system does not have installed (e.g. LANG=ru_RU.UTF-8 on a minimal image): Russian messages would print as
     * question marks otherwise.
     */
    static java.nio.charset.Charset outputCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("native.encoding", "UTF-8"));
        try {
            java.nio.charset.Charset charset = java.nio.charset.Charset.forName(name);
            return charset.equals(java.nio.charset.StandardCharsets.US_ASCII)
                    ? java.nio.charset.StandardCharsets.UTF_8
                    : charset;
        } catch (RuntimeException e) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    static CommandLine commandLine(Map<String, String> env) {
        CrmCommand root = new CrmCommand(env);
        CommandLine cl = new CommandLine(root);
        ErrorHandler handler = new ErrorHandler(root);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(pr -> {
            Logging.configure(root.verbose);
            root.checkLang(pr.commandSpec().commandLine());
            return new CommandLine.RunLast().execute(pr);
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public boolean verbose() {
        return verbose;
    }

    /**
     * The language of this run's messages: {@code --lang}, else the first set of LC_ALL, LC_MESSAGES, LANG (POSIX
     * order; {@code ru_RU.UTF-8} reads as ru), else English. An unsupported environment locale means English.
     */
    public Locale locale() {
        Messages messages = Messages.fromClasspath();
        if (lang != null) {
            Locale chosen = messages.match(lang);
            return chosen != null ? chosen : Locale.ENGLISH;
        }
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                Locale chosen = messages.match(posixLanguage(value));
                return chosen != null ? chosen : Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /** {@code ru_RU.UTF-8@euro} → {@code ru_RU}; C and POSIX mean no language. */
    static String posixLanguage(String value) {
        String tag = value.strip();
        int cut = tag.indexOf('.');
        tag = cut < 0 ? tag : tag.substring(0, cut);
        cut = tag.indexOf('@');
        tag = cut < 0 ? tag : tag.substring(0, cut);
        return tag.equals("C") || tag.equals("POSIX") ? "" : tag;
    }

    /** An explicit --lang must name a supported language; an environment locale never fails a run. */
    private void checkLang(CommandLine cl) {
        if (lang != null && Messages.fromClasspath().match(lang) == null) {
            throw new CommandLine.ParameterException(
                    cl,
                    "Unsupported --lang '" + lang + "' (supported: "
                            + String.join(
                                    ", ",
                                    Messages.fromClasspath().supported().stream()
                                            .map(Locale::toLanguageTag)
                                            .toList())
                            + ")");
        }
    }

    /** The root command of the command line a subcommand runs in. */
    public static CrmCommand from(CommandLine.Model.CommandSpec spec) {
        return (CrmCommand) spec.root().userObject();
    }

    /** Whether progress may redraw a line in place: a real terminal and not a CI job. */
    public boolean interactive() {
        return System.console() != null && !env.containsKey("CI");
    }

    /** Opens crm-core against the configured database; the caller closes it. */
    public CoreSession openSession(int parallelism) {
        return CoreSession.open(databaseSettings(), parallelism, extraTenantMigrations(settings()));
    }

    /** The database of this run and its credentials (e.g. for pg_dump), flags first. */
    public DatabaseSettings databaseSettings() {
        return DatabaseSettings.resolve(settings(), dbUrl, dbUser, dbPassword);
    }

    /** The actor recorded in the operation log. */
    public String actor() {
        String user = env.getOrDefault("USER", System.getProperty("user.name", "unknown"));
        return user + "@cli";
    }

    /** The settings of this run: flags aside, the CRM_* environment and the config file. */
    public Settings settings() {
        String fromEnv = env.get("CRM_CONFIG");
        // a blank variable counts as unset, as CI systems often export empty ones
        String explicit = configFile != null ? configFile : fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
        return new Settings(env, ConfigFile.load(explicit, env));
    }

    private static List<String> extraTenantMigrations(Settings settings) {
        String value = settings.resolve(null, "CRM_EXTRA_TENANT_MIGRATIONS", "migrations.extraTenantLocations", "");
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
