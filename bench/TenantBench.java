import com.makcrm.core.CrmCore;
import com.makcrm.core.db.DatabaseBootstrap;
import com.makcrm.core.migration.FanOutListener;
import com.makcrm.core.migration.FanOutReport;
import com.makcrm.core.migration.MigrationService;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * bench/tenants.sh: provisioning and migration fan-out over many tenants, each next to a baseline measured in the
 * same run (the same DDL sent straight over JDBC, without our tenant registry, locks, audit log or Flyway).
 * Run through the shell script; arguments: jdbcUrl user tenants parallelism resultsDir migrationsDir.
 */
public class TenantBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int tenants = Integer.parseInt(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        Path results = Path.of(args[4]);
        String extra = "filesystem:" + Path.of(args[5]).toAbsolutePath();
        DatabaseBootstrap.ensureDatabaseExists(url, user, null);
        try (HikariDataSource ds = pool(url, user, parallelism)) {
            CrmCore core = CrmCore.create(ds);
            core.migrations().migrateControl();
            warmUp(core);
            List<Double> ours = provision(core, tenants);
            List<Double> baseline = baselineProvision(ds, Math.min(tenants, 100));
            CrmCore next = CrmCore.create(ds, CrmCore.Settings.defaults().withExtraTenantMigrations(List.of(extra)));
            long t0 = System.nanoTime();
            FanOutReport report = next.migrations()
                    .up(new MigrationService.Request(List.of(), parallelism, false), FanOutListener.NONE);
            double fanOutSeconds = (System.nanoTime() - t0) / 1e9;
            double baselineFanOut = baselineFanOut(ds, parallelism);
            report(results, tenants, parallelism, ours, baseline, report, fanOutSeconds, baselineFanOut);
        }
    }

    private static HikariDataSource pool(String url, String user, int parallelism) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setMaximumPoolSize(parallelism + 2);
        return new HikariDataSource(c);
    }

    /** A few throwaway tenants so JIT and pool warm-up do not count against the first measured ones. */
    private static void warmUp(CrmCore core) {
        for (int i = 0; i < 5; i++) {
            String slug = "warm-" + i;
            core.tenants().create(slug, null, "bench");
            core.tenants().delete(slug, true, "bench");
        }
    }

    private static List<Double> provision(CrmCore core, int n) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            core.tenants().create(String.format("bench-%04d", i), "Bench tenant " + i, "bench");
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        return millis;
    }

    /** Every tenant migration script sent as plain DDL into a fresh schema: the floor for provisioning. */
    private static List<Double> baselineProvision(HikariDataSource ds, int n) throws Exception {
        String ddl = tenantScripts();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("create schema baseline_" + i);
                s.execute("set local search_path to baseline_" + i + ", public");
                s.execute(ddl);
                c.commit();
            }
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < n; i++) {
                s.execute("drop schema baseline_" + i + " cascade");
            }
        }
        return millis;
    }

    /** db/tenant/V*.sql of the checkout, in version order, as one script. */
    private static String tenantScripts() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(Path.of("crm-core/src/main/resources/db/tenant"))) {
            List<Path> scripts = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(java.util.Comparator.comparingInt(p -> Integer.parseInt(
                            p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
            for (Path p : scripts) {
                all.append(Files.readString(p)).append('\n');
            }
        }
        return all.toString();
    }

    /** The same trivial DDL sent straight to every tenant schema with the same parallelism. */
    private static double baselineFanOut(HikariDataSource ds, int parallelism) throws Exception {
        List<String> schemas = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select schema_name from crm_control.tenant where status = 'ACTIVE'")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        long t0 = System.nanoTime();
        schemas.parallelStream().forEach(schema -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table " + schema + ".baseline_marker (id int primary key)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static void report(Path dir, int tenants, int parallelism, List<Double> ours, List<Double> baseline,
            FanOutReport fanOut, double fanOutSeconds, double baselineFanOut) throws Exception {
        double median = percentile(ours, 50);
        double p95 = percentile(ours, 95);
        double baseMedian = percentile(baseline, 50);
        System.out.printf(Locale.ROOT, "provision: median %.1f ms, p95 %.1f ms per tenant over %d tenants"
                + " (target median <= 150 ms); baseline raw DDL median %.1f ms; ratio %.1fx%n",
                median, p95, tenants, baseMedian, median / baseMedian);
        System.out.printf(Locale.ROOT, "fan-out: %.1f s for %d tenants at parallelism %d, %d failed"
                + " (target <= 30 s); baseline raw DDL %.2f s; ratio %.1fx%n",
                fanOutSeconds, fanOut.results().size(), parallelism, fanOut.failed(), baselineFanOut,
                fanOutSeconds / baselineFanOut);
        Files.createDirectories(dir);
        String json = String.format(Locale.ROOT, "{\"benchmark\":\"tenants\",\"at\":\"%s\",\"tenants\":%d,"
                + "\"parallelism\":%d,\"provisionMedianMs\":%.1f,\"provisionP95Ms\":%.1f,"
                + "\"baselineProvisionMedianMs\":%.1f,\"fanOutSeconds\":%.2f,\"fanOutFailed\":%d,"
                + "\"baselineFanOutSeconds\":%.2f}%n", Instant.now(), tenants, parallelism, median, p95, baseMedian,
                fanOutSeconds, fanOut.failed(), baselineFanOut);
        Path file = dir.resolve("tenants-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, json);
        System.out.println("results: " + file);
    }
}
