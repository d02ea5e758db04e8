import com.makcrm.core.CrmCore;
import com.makcrm.core.csv.ImportOptions;
import com.makcrm.core.csv.ImportReport;
import com.makcrm.core.db.DatabaseBootstrap;
import com.makcrm.core.field.CustomFieldType;
import com.makcrm.core.field.NewField;
import com.makcrm.core.field.SelectOption;
import com.makcrm.core.query.CompiledPage;
import com.makcrm.core.query.Page;
import com.makcrm.core.query.PageRequest;
import com.makcrm.core.query.QueryCompiler;
import com.makcrm.core.record.CrmRecord;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.search.SearchHit;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/crm.sh: the CRM core at scale (issue 3, section 10). One tenant seeded with realistic people and companies,
 * then: list page latency vs hand-written keyset SQL, search p95, CSV import vs raw COPY of the same file, and adding
 * a custom field on the big person table. Each figure is one summary line; everything goes to one JSON file.
 * Run through the shell script; arguments: jdbcUrl user people companies importRows runs resultsDir.
 */
public class CrmBench {

    static final String FILTER = "city[eq]:London";
    static final String ORDER = "lastName[asc],firstName[asc]";
    static final String FILTER_CITY = "London";
    static final int PAGE_SIZE = 50;
    static final int TARGET_PAGE = 1000;
    static final int WARMUP = 10;
    static final int SEARCH_RUNS = 20;
    static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int people = Integer.parseInt(args[2]);
        int companies = Integer.parseInt(args[3]);
        int importRows = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        Path resultsDir = Path.of(args[6]);
        DatabaseBootstrap.ensureDatabaseExists(url, user, null);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "crm");
        json.put("at", Instant.now().toString());
        json.put("people", people);
        json.put("companies", companies);
        json.put("importRows", importRows);
        json.put("runs", runs);
        json.put("cpus", Runtime.getRuntime().availableProcessors());
        json.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        json.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        List<String> lines = new ArrayList<>();
        List<String> profile = new ArrayList<>();

        Tenant tenant;
        try (HikariDataSource setup = pool(url, user, null)) {
            CrmCore core = CrmCore.create(setup);
            core.migrations().migrateControl();
            tenant = core.tenants().create("bench-crm", "Bench CRM", "bench").tenant();
        }
        TenantScope scope = TenantScope.of(tenant, "bench");
        // one pool for everything measured: the core sets its tenant search_path per transaction; the direct
        // JDBC baselines rely on this session default (same tenant), so they need no extra round trip
        try (HikariDataSource ds = pool(url, user, scope.schema())) {
            Capture capture = new Capture(ds);
            CrmCore core = CrmCore.create(ds);
            CrmCore traced = CrmCore.create(capture.dataSource());

            Map<String, Object> seed = Seed.run(url, user, scope.schema(), people, companies);
            json.put("seed", seed);
            lines.add(say(String.format(Locale.ROOT,
                    "seed: %,d people + %,d companies in %.1f s (companies %.1f s, people %.1f s, index rebuild"
                            + " %.1f s, vacuum analyze %.1f s; %,.0f people/s incl. search_doc trigger and FK)",
                    people, companies, (double) seed.get("totalSeconds"), (double) seed.get("companiesSeconds"),
                    (double) seed.get("peopleSeconds"), (double) seed.get("indexSeconds"),
                    (double) seed.get("vacuumAnalyzeSeconds"), people / (double) seed.get("peopleSeconds"))));

            int deepPage = (int) Math.max(2, Math.min(TARGET_PAGE, (long) seed.get("londonPeople") / PAGE_SIZE / 2));
            ListBench list = new ListBench(core, traced, capture, ds, scope, runs, deepPage);
            json.put("list", list.run(lines, profile));

            SearchBench search = new SearchBench(core, traced, capture, ds, scope);
            json.put("search", search.run(lines, profile));

            json.put("customField", FieldBench.run(core, ds, scope, people, lines));

            ImportBench imports = new ImportBench(core, traced, capture, ds, url, user, importRows);
            json.put("csvImport", imports.run(lines, profile));
        }
        json.put("summary", lines);
        json.put("profile", profile);
        json.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve("crm-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        if (!profile.isEmpty()) {
            System.out.println("profile of missed targets (plans in the JSON file):");
            profile.forEach(p -> System.out.println("  " + p));
        }
        System.out.println("results: " + file);
    }

    static String say(String line) {
        System.out.println(line);
        System.out.flush();
        return line;
    }

    static HikariDataSource pool(String url, String user, String schema) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setMaximumPoolSize(4);
        c.setMinimumIdle(4);
        if (schema != null) {
            c.setConnectionInitSql("set search_path to \"" + schema + "\", public");
        }
        return new HikariDataSource(c);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Figure 1: seeding, set-based SQL straight into the tenant schema
    // ---------------------------------------------------------------------------------------------------------

    /**
     * People and companies generated by INSERT ... SELECT over generate_series. Every value is a pure function of
     * the row number (hashint8extended), so runs are reproducible. The tables' triggers (search_doc) and foreign keys
     * stay on; secondary indexes are dropped first and rebuilt afterwards from their own pg_get_indexdef, so the
     * schema ends up exactly as migrated.
     */
    static final class Seed {

        static Map<String, Object> run(String url, String user, String schema, int people, int companies)
                throws SQLException {
            Map<String, Object> out = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, user, null)) {
                exec(c, "set search_path to \"" + schema + "\", public");
                exec(c, "set synchronous_commit = off");
                exec(c, "set maintenance_work_mem = '512MB'");
                functions(c);
                List<String> indexes = dropSecondaryIndexes(c, schema);
                long t1 = System.nanoTime();
                seedCompanies(c, companies);
                long t2 = System.nanoTime();
                seedPeople(c, people, companies);
                long t3 = System.nanoTime();
                for (String ddl : indexes) {
                    exec(c, ddl);
                }
                long t4 = System.nanoTime();
                exec(c, "vacuum (analyze) company");
                exec(c, "vacuum (analyze) person");
                long t5 = System.nanoTime();
                out.put("companiesSeconds", secs(t2 - t1));
                out.put("peopleSeconds", secs(t3 - t2));
                out.put("indexSeconds", secs(t4 - t3));
                out.put("vacuumAnalyzeSeconds", secs(t5 - t4));
                out.put("totalSeconds", secs(t5 - t0));
                out.put("indexesRebuilt", indexes);
                out.put("personTableMb", queryLong(c, "select pg_table_size('person') >> 20"));
                out.put("personTotalMb", queryLong(c, "select pg_total_relation_size('person') >> 20"));
                out.put("londonPeople", queryLong(c, "select count(*) from person where city = 'London'"));
                out.put("distinctLastNames", queryLong(c, "select count(distinct last_name) from person"));
                out.put("largestLastNameGroup",
                        queryLong(c, "select max(n) from (select count(*) n from person group by last_name) g"));
                out.put("method", "INSERT ... SELECT generate_series; triggers and FKs on; secondary indexes rebuilt;"
                        + " VACUUM (ANALYZE)");
            }
            return out;
        }

        private static void functions(Connection c) throws SQLException {
            exec(c, "create function pg_temp.u(n bigint, k bigint) returns float8 language sql immutable as"
                    + " $$ select (hashint8extended(n, k) & 2147483647)::float8 / 2147483648.0 $$");
            exec(c, "create function pg_temp.pick(arr text[], x float8) returns text language sql immutable as"
                    + " $$ select arr[1 + floor(x * cardinality(arr))::int] $$");
            exec(c, "create function pg_temp.digits(n bigint, k bigint, len int) returns text language sql immutable as"
                    + " $$ select lpad(((hashint8extended(n, k) & 9223372036854775807) % (10::numeric ^ len)::bigint)"
                    + "::text, len, '0') $$");
            // UUID v7 like the application's ids: 48-bit unix millis, version 7, variant 10, pseudo-random rest
            exec(c, "create function pg_temp.v7(ts timestamptz, n bigint, k bigint) returns uuid language sql"
                    + " immutable as $$ select (lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7'"
                    + " || substr(h, 1, 3) || substr('89ab', 1 + (('x' || substr(h, 4, 1))::bit(4)::int % 4), 1)"
                    + " || substr(h, 5, 15))::uuid from (select md5(n::text || ':' || k::text) as h) x $$");
        }

        private static List<String> dropSecondaryIndexes(Connection c, String schema) throws SQLException {
            List<String> ddl = new ArrayList<>();
            List<String> names = new ArrayList<>();
            String sql = "select i.relname, pg_get_indexdef(i.oid) from pg_index x join pg_class i on i.oid ="
                    + " x.indexrelid join pg_class t on t.oid = x.indrelid where t.relnamespace = ?::regnamespace"
                    + " and t.relname in ('person', 'company') and not exists (select 1 from pg_constraint k where"
                    + " k.conindid = i.oid) order by t.relname, i.relname";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, "\"" + schema + "\"");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                        ddl.add(rs.getString(2));
                    }
                }
            }
            for (String name : names) {
                exec(c, "drop index \"" + name + "\"");
            }
            return ddl;
        }

        private static void seedCompanies(Connection c, int companies) throws SQLException {
            String sql = "create temp table seed_company as"
                    + " with a as (select ?::text[] en_adj, ?::text[] en_noun, ?::text[] en_suffix, ?::text[] tld,"
                    + " ?::text[] ru_word, ?::text[] ru_word_lat, ?::text[] ru_word2, ?::text[] ru_word2_lat,"
                    + " ?::text[] ru_prefix, ?::text[] ru_city, ?::text[] intl_city, ?::text[] intl_country)"
                    + " select n, pg_temp.v7(ts, n, 12) as id, ts, ru,"
                    + "  case when ru then pg_temp.pick(ru_prefix, pg_temp.u(n, 3)) || ' «' || ru_word[wi]"
                    + "   || coalesce(' ' || ru_word2[wj], '') || '»'"
                    + "   else pg_temp.pick(en_adj, pg_temp.u(n, 4)) || ' ' || pg_temp.pick(en_noun, pg_temp.u(n, 5))"
                    + "   || ' ' || pg_temp.pick(en_suffix, pg_temp.u(n, 6)) end as name,"
                    + "  case when ru then ru_word_lat[wi] || coalesce(ru_word2_lat[wj], '') || '-' || n || '.ru'"
                    + "   else lower(replace(pg_temp.pick(en_adj, pg_temp.u(n, 4)) || pg_temp.pick(en_noun,"
                    + "   pg_temp.u(n, 5)), ' ', '')) || '-' || n || '.' || pg_temp.pick(tld, pg_temp.u(n, 7)) end"
                    + "   as domain,"
                    + "  case when ru then pg_temp.pick(ru_city, power(pg_temp.u(n, 8), 1.8))"
                    + "   else intl_city[ci] end as city,"
                    + "  case when ru then 'RU' else intl_country[ci] end as country,"
                    + "  1 + floor(power(pg_temp.u(n, 9), 3) * 5000)::int as employees"
                    + " from (select n, now() - interval '4 years' + make_interval(secs => n * 3600) as ts,"
                    + "  pg_temp.u(n, 1) < 0.3 as ru, 1 + floor(pg_temp.u(n, 2) * 15)::int as wi,"
                    + "  case when pg_temp.u(n, 10) < 0.6 then 1 + floor(pg_temp.u(n, 11) * 6)::int end as wj,"
                    + "  1 + floor(pg_temp.u(n, 13) * 100)::int as ci"
                    + "  from generate_series(1, ?) n) g, a";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (String[] arr : new String[][] {
                    Data.EN_ADJ, Data.EN_NOUN, Data.EN_SUFFIX, Data.TLD, Data.RU_WORD, Data.latin(Data.RU_WORD),
                    Data.RU_WORD2, Data.latin(Data.RU_WORD2), Data.RU_PREFIX, Data.weighted(Data.RU_CITIES),
                    Data.INTL_CITY_NAMES, Data.INTL_CITY_COUNTRIES
                }) {
                    ps.setArray(i++, c.createArrayOf("text", Data.display(arr)));
                }
                ps.setInt(i, companies);
                ps.execute();
            }
            exec(c, "create unique index on seed_company (n)");
            exec(c, "analyze seed_company");
            exec(c, "insert into company (id, name, domain, employees, annual_revenue_amount, annual_revenue_currency,"
                    + " address_city, address_country, linkedin_url, ideal_customer, created_at, updated_at,"
                    + " created_by, updated_by)"
                    + " select id, name, domain, employees,"
                    + "  employees::bigint * (50000 + floor(pg_temp.u(n, 20) * 150000)::bigint) * 100,"
                    + "  case country when 'RU' then 'RUB' when 'GB' then 'GBP' when 'DE' then 'EUR' else 'USD' end,"
                    + "  city, country, 'https://www.linkedin.com/company/' || split_part(domain, '.', 1),"
                    + "  pg_temp.u(n, 21) < 0.1, ts, ts, 'seed', 'seed' from seed_company order by n");
        }

        private static void seedPeople(Connection c, int people, int companies) throws SQLException {
            double step = Math.max(1.0, 3 * 365 * 24 * 3600.0 / people);
            String sql = "with a as (select ?::text[] en_first, ?::text[] en_first_lat, ?::text[] en_last,"
                    + " ?::text[] en_last_lat, ?::text[] ru_first_m, ?::text[] ru_first_m_lat, ?::text[] ru_first_f,"
                    + " ?::text[] ru_first_f_lat, ?::text[] ru_last, ?::text[] ru_last_lat, ?::text[] ru_city,"
                    + " ?::text[] intl_city, ?::text[] intl_country, ?::text[] en_job, ?::text[] ru_job,"
                    + " ?::text[] ru_mail, ?::text[] intl_mail),"
                    + " x as (select g.n, g.ts, g.ru, g.cn,"
                    + "  case when g.ru and g.female"
                    + "   then a.ru_first_f[1 + floor(g.fx * cardinality(a.ru_first_f))::int]"
                    + "   when g.ru then a.ru_first_m[1 + floor(g.fx * cardinality(a.ru_first_m))::int]"
                    + "   else a.en_first[1 + floor(g.fx * cardinality(a.en_first))::int] end as first_name,"
                    + "  case when g.ru and g.female"
                    + "   then a.ru_first_f_lat[1 + floor(g.fx * cardinality(a.ru_first_f))::int]"
                    + "   when g.ru then a.ru_first_m_lat[1 + floor(g.fx * cardinality(a.ru_first_m))::int]"
                    + "   else a.en_first_lat[1 + floor(g.fx * cardinality(a.en_first))::int] end as first_lat,"
                    + "  case when g.ru then a.ru_last[1 + floor(g.lx * cardinality(a.ru_last))::int]"
                    + "   || case when g.female then 'а' else '' end"
                    + "   else a.en_last[1 + floor(g.lx * cardinality(a.en_last))::int] end as last_name,"
                    + "  case when g.ru then a.ru_last_lat[1 + floor(g.lx * cardinality(a.ru_last))::int]"
                    + "   || case when g.female then 'a' else '' end"
                    + "   else a.en_last_lat[1 + floor(g.lx * cardinality(a.en_last))::int] end as last_lat,"
                    + "  case when g.ru then pg_temp.pick(a.ru_city, pg_temp.u(g.n, 6)) else a.intl_city[g.ci] end"
                    + "   as city,"
                    + "  case when g.ru then 'RU' else a.intl_country[g.ci] end as country,"
                    + "  case when g.ru and pg_temp.u(g.n, 7) < 0.6 then pg_temp.pick(a.ru_job, pg_temp.u(g.n, 8))"
                    + "   else pg_temp.pick(a.en_job, pg_temp.u(g.n, 8)) end as job_title,"
                    + "  pg_temp.pick(case when g.ru then a.ru_mail else a.intl_mail end, pg_temp.u(g.n, 9))"
                    + "   as free_domain,"
                    + "  pg_temp.pick(case when g.ru then a.ru_mail else a.intl_mail end, pg_temp.u(g.n, 10))"
                    + "   as alt_domain"
                    + "  from (select n, now() - interval '3 years' + make_interval(secs => n * ?) as ts,"
                    + "   pg_temp.u(n, 1) < 0.35 as ru, pg_temp.u(n, 2) < 0.5 as female,"
                    // name popularity: skewed towards the head of each list (lists are in frequency order)
                    + "   power(pg_temp.u(n, 3), 1.6) as fx,"
                    + "   power(pg_temp.u(n, 4), 1.4) as lx,"
                    + "   1 + floor(pg_temp.u(n, 5) * 100)::int as ci,"
                    + "   case when pg_temp.u(n, 11) < 0.85 then 1 + floor(pg_temp.u(n, 12) * ?)::int end as cn"
                    + "   from generate_series(1, ?) n) g, a),"
                    + " y as (select x.*, case when pg_temp.u(n, 13) < 0.45 then first_lat || '.' || last_lat"
                    + "   when pg_temp.u(n, 13) < 0.75 then left(first_lat, 1) || '.' || last_lat"
                    + "   else first_lat || last_lat end as local,"
                    + "  case country when 'RU' then '+79' || pg_temp.digits(n, 14, 9)"
                    + "   when 'GB' then '+447' || pg_temp.digits(n, 14, 9)"
                    + "   when 'DE' then '+4915' || pg_temp.digits(n, 15, 1) || pg_temp.digits(n, 14, 8)"
                    + "   else '+1' || (2 + floor(pg_temp.u(n, 16) * 8))::int || pg_temp.digits(n, 17, 2)"
                    + "   || (2 + floor(pg_temp.u(n, 18) * 8))::int || pg_temp.digits(n, 14, 6) end as phone"
                    + "  from x)"
                    + " insert into person (id, first_name, last_name, primary_email, additional_emails, primary_phone,"
                    + " additional_phones, job_title, city, company_id, linkedin_url, created_at, updated_at,"
                    + " created_by, updated_by)"
                    + " select pg_temp.v7(y.ts, y.n, 11), y.first_name, y.last_name,"
                    + "  lower(y.local || y.n || '@' || case when c.domain is not null and pg_temp.u(y.n, 19) < 0.6"
                    + "   then c.domain else y.free_domain end),"
                    + "  case when pg_temp.u(y.n, 20) < 0.08 then array[lower(y.local || '.' || y.n || '@'"
                    + "   || y.alt_domain)] else '{}' end,"
                    + "  y.phone,"
                    + "  case when pg_temp.u(y.n, 21) < 0.05 then array[left(y.phone, -4)"
                    + "   || pg_temp.digits(y.n, 22, 4)] else '{}' end,"
                    + "  y.job_title, y.city, c.id,"
                    + "  case when pg_temp.u(y.n, 23) < 0.3 then 'https://www.linkedin.com/in/' || replace(y.local,"
                    + "   '.', '-') || '-' || y.n end,"
                    + "  y.ts, y.ts, 'seed', 'seed'"
                    + " from y left join seed_company c on c.n = y.cn order by y.n";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (String[] arr : new String[][] {
                    Data.display(Data.EN_FIRST), Data.latin(Data.EN_FIRST), Data.display(Data.EN_LAST),
                    Data.latin(Data.EN_LAST), Data.display(Data.RU_FIRST_M), Data.latin(Data.RU_FIRST_M),
                    Data.display(Data.RU_FIRST_F), Data.latin(Data.RU_FIRST_F), Data.display(Data.RU_LAST),
                    Data.latin(Data.RU_LAST), Data.weighted(Data.RU_CITIES), Data.INTL_CITY_NAMES,
                    Data.INTL_CITY_COUNTRIES, Data.EN_JOBS, Data.RU_JOBS, Data.RU_MAIL, Data.INTL_MAIL
                }) {
                    ps.setArray(i++, c.createArrayOf("text", arr));
                }
                ps.setDouble(i++, step);
                ps.setInt(i++, companies);
                ps.setInt(i, people);
                ps.execute();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Figure 2: list page latency vs hand-written keyset SQL
    // ---------------------------------------------------------------------------------------------------------

    static final class ListBench {
        private final CrmCore core;
        private final CrmCore traced;
        private final Capture capture;
        private final DataSource ds;
        private final TenantScope scope;
        private final int runs;
        private final int targetPage;

        /** @param targetPage the deep page: 1000, or half the pages there are when the tenant is small */
        ListBench(CrmCore core, CrmCore traced, Capture capture, DataSource ds, TenantScope scope, int runs,
                int targetPage) {
            this.core = core;
            this.traced = traced;
            this.capture = capture;
            this.ds = ds;
            this.scope = scope;
            this.runs = runs;
            this.targetPage = targetPage;
        }

        static final String HAND_FIRST = "select * from person where deleted_at is null and city = ?"
                + " order by last_name, first_name, id limit ?";
        static final String HAND_AFTER = "select * from person where deleted_at is null and city = ?"
                + " and (last_name, first_name, id) > (?, ?, ?) order by last_name, first_name, id limit ?";

        Map<String, Object> run(List<String> lines, List<String> profile) throws Exception {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("filter", FILTER);
            out.put("order", ORDER);
            out.put("pageSize", PAGE_SIZE);
            out.put("handWrittenFirst", HAND_FIRST);
            out.put("handWrittenAfter", HAND_AFTER);
            PageRequest first = new PageRequest(FILTER, ORDER, null, PAGE_SIZE);
            // walk the cursors once to the last page before the target page
            long walk0 = System.nanoTime();
            PageRequest request = first;
            Page<CrmRecord> previous = null;
            int page = 1;
            while (page < targetPage) {
                Page<CrmRecord> p = core.records().list(scope, ObjectKind.PERSON, request);
                if (!p.hasNextPage()) {
                    break;
                }
                previous = p;
                request = first.next(p.nextCursor());
                page++;
            }
            double walkSeconds = secs(System.nanoTime() - walk0);
            int deep = page;
            out.put("deepPage", deep);
            out.put("walkToDeepPageSeconds", walkSeconds);
            PageRequest deepRequest = request;
            Object[] deepKey = previous == null ? null : new Object[] {
                previous.items().get(previous.items().size() - 1).get("lastName"),
                previous.items().get(previous.items().size() - 1).get("firstName"),
                previous.items().get(previous.items().size() - 1).id()
            };

            CompiledPage firstSql = compiler().page(first);
            CompiledPage deepSql = compiler().page(deepRequest);
            List<Object> handFirstParams = List.of(FILTER_CITY, PAGE_SIZE + 1);
            List<Object> handDeepParams = deepKey == null
                    ? handFirstParams
                    : List.of(FILTER_CITY, deepKey[0], deepKey[1], deepKey[2], PAGE_SIZE + 1);
            String handDeep = deepKey == null ? HAND_FIRST : HAND_AFTER;

            // same rows from all three, or the comparison means nothing
            List<UUID> oursFirst = ids(core.records().list(scope, ObjectKind.PERSON, first));
            List<UUID> oursDeep = ids(core.records().list(scope, ObjectKind.PERSON, deepRequest));
            boolean same = oursFirst.equals(sqlIds(HAND_FIRST, handFirstParams))
                    && oursDeep.equals(sqlIds(handDeep, handDeepParams))
                    && oursFirst.equals(sqlIds(firstSql.sql(), firstSql.parameters()))
                    && oursDeep.equals(sqlIds(deepSql.sql(), deepSql.parameters()));
            out.put("sameRows", same);

            Series s1o = new Series(), s1g = new Series(), s1h = new Series();
            Series sdo = new Series(), sdg = new Series(), sdh = new Series();
            for (int r = 0; r < WARMUP + runs; r++) {
                boolean keep = r >= WARMUP;
                s1o.add(keep, time(() -> core.records().list(scope, ObjectKind.PERSON, first)));
                s1g.add(keep, time(() -> sqlIds(firstSql.sql(), firstSql.parameters())));
                s1h.add(keep, time(() -> sqlIds(HAND_FIRST, handFirstParams)));
                sdo.add(keep, time(() -> core.records().list(scope, ObjectKind.PERSON, deepRequest)));
                sdg.add(keep, time(() -> sqlIds(deepSql.sql(), deepSql.parameters())));
                sdh.add(keep, time(() -> sqlIds(handDeep, handDeepParams)));
            }
            capture.start();
            traced.records().list(scope, ObjectKind.PERSON, deepRequest);
            List<Capture.Stmt> statements = capture.stop();
            out.put("statementsPerListCall", statements.stream().map(Capture.Stmt::sql).toList());
            Map<String, Object> breakdown = breakdown(first);
            out.put("page1TimeBreakdownMs", breakdown);

            out.put("page1", figure(lines, "list page 1", s1o, s1g, s1h, same));
            out.put("pageDeep", figure(lines, "list page " + deep, sdo, sdg, sdh, same));
            Map<String, Object> plans = new LinkedHashMap<>();
            plans.put("generatedPage1", explain(firstSql.sql(), firstSql.parameters()));
            plans.put("handWrittenPage1", explain(HAND_FIRST, handFirstParams));
            plans.put("generatedPageDeep", explain(deepSql.sql(), deepSql.parameters()));
            plans.put("handWrittenPageDeep", explain(handDeep, handDeepParams));
            plans.put("generatedPageDeepSql", deepSql.sql());
            out.put("plans", plans);
            explainProfile(profile, "list page 1", s1o, s1h, (String) plans.get("generatedPage1"),
                    (String) plans.get("handWrittenPage1"), statements.size());
            if (s1o.median() / s1h.median() > 2) {
                profile.add("list page 1 time per list() call, traced at the DataSource (median of " + runs
                        + "): " + breakdown);
            }
            explainProfile(profile, "list page " + deep, sdo, sdh, (String) plans.get("generatedPageDeep"),
                    (String) plans.get("handWrittenPageDeep"), statements.size());
            return out;
        }

        /**
         * Where one list() call spends its time: each statement it sends (timed at the DataSource, median per call)
         * and the rest (pool checkout, compiling the query, mapping rows to records, cursor).
         */
        private Map<String, Object> breakdown(PageRequest request) throws Exception {
            Map<String, Series> byStatement = new LinkedHashMap<>();
            Series total = new Series(), rest = new Series();
            for (int r = 0; r < WARMUP + runs; r++) {
                capture.start();
                double ms = time(() -> traced.records().list(scope, ObjectKind.PERSON, request));
                List<Capture.Stmt> stmts = capture.stop();
                Map<String, Double> call = new LinkedHashMap<>();
                double inStatements = 0;
                for (Capture.Stmt st : stmts) {
                    String key = st.sql().startsWith("select * from (") || st.sql().startsWith("select p.*")
                            ? "page query"
                            : abbreviate(st.sql(), 60);
                    call.merge(key, st.nanos() / 1e6, Double::sum);
                    inStatements += st.nanos() / 1e6;
                }
                boolean keep = r >= WARMUP;
                call.forEach((k, v) -> byStatement.computeIfAbsent(k, x -> new Series()).add(keep, v));
                total.add(keep, ms);
                rest.add(keep, ms - inStatements);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", round(total.median()));
            byStatement.forEach((k, v) -> out.put(k, round(v.median())));
            out.put("outside statements (pool, compile, map rows)", round(rest.median()));
            return out;
        }

        private QueryCompiler compiler() {
            return new QueryCompiler(core.records().queryObject(scope, ObjectKind.PERSON));
        }

        private Map<String, Object> figure(List<String> lines, String name, Series ours, Series generated,
                Series hand, boolean same) {
            double ratio = ours.median() / hand.median();
            lines.add(say(String.format(Locale.ROOT,
                    "%s (%s, %s, %d rows): ours median %.2f ms, p95 %.2f ms; hand-written keyset SQL median %.2f"
                            + " ms, p95 %.2f ms; ratio %.2fx (target <= 2x) %s; generated SQL alone median %.2f ms"
                            + " (%.2fx)%s",
                    name, FILTER, ORDER, PAGE_SIZE, ours.median(), ours.p95(), hand.median(), hand.p95(), ratio,
                    ratio <= 2 ? "MET" : "MISSED", generated.median(), generated.median() / hand.median(),
                    same ? "" : "; WARNING: rows differ")));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ours", ours.summary());
            m.put("generatedSqlOverJdbc", generated.summary());
            m.put("handWrittenSql", hand.summary());
            m.put("ratioMedian", ratio);
            m.put("ratioP95", ours.p95() / hand.p95());
            m.put("targetMet", ratio <= 2);
            return m;
        }

        private void explainProfile(List<String> profile, String name, Series ours, Series hand, String generated,
                String handPlan, int statements) {
            if (ours.median() / hand.median() <= 2) {
                return;
            }
            profile.add(String.format(Locale.ROOT,
                    "%s: generated SQL %s, %s, %s; hand-written %s, %s, %s; one list() call = %d statements", name,
                    Plans.executionTime(generated), Plans.removedByFilter(generated), Plans.buffers(generated),
                    Plans.executionTime(handPlan), Plans.removedByFilter(handPlan), Plans.buffers(handPlan),
                    statements));
        }

        private List<UUID> sqlIds(String sql, List<Object> params) throws SQLException {
            List<UUID> ids = new ArrayList<>();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    Object[] row = new Object[columns];
                    while (rs.next() && ids.size() < PAGE_SIZE) {
                        for (int i = 0; i < columns; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        ids.add(rs.getObject("id", UUID.class));
                    }
                }
            }
            return ids;
        }

        private String explain(String sql, List<Object> params) throws SQLException {
            return Plans.explain(ds, sql, params);
        }

        private static List<UUID> ids(Page<CrmRecord> page) {
            return page.items().stream().map(CrmRecord::id).toList();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Figure 3: search p95
    // ---------------------------------------------------------------------------------------------------------

    static final class SearchBench {
        private final CrmCore core;
        private final CrmCore traced;
        private final Capture capture;
        private final DataSource ds;
        private final TenantScope scope;

        SearchBench(CrmCore core, CrmCore traced, Capture capture, DataSource ds, TenantScope scope) {
            this.core = core;
            this.traced = traced;
            this.capture = capture;
            this.ds = ds;
            this.scope = scope;
        }

        /** What users type: names, a Russian name, typos, partial emails, phones in several formats, companies. */
        private Map<String, String> queries() throws SQLException {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("common last name", "Smith");
            q.put("full name", "Emily Clark");
            q.put("last name prefix", "Thomp");
            q.put("Russian full name", "Иван Петров");
            q.put("Russian last name (feminine)", "Смирнова");
            q.put("transliterated Russian name", "kuznetsov");
            q.put("typo", "Jonhson");
            q.put("Russian typo", "Смирнвоа");
            String[] ru = sample("primary_email, primary_phone", "person", "primary_phone like '+79%'", 4321);
            String[] uk = sample("primary_email, primary_phone", "person", "primary_phone like '+447%'", 1234);
            String[] us = sample("primary_email, primary_phone", "person", "primary_phone like '+1%'", 777);
            String[] company = sample("name, domain", "company", "name not like '%«%'", 555);
            String local = ru[0].substring(0, ru[0].indexOf('@'));
            q.put("partial email", local.substring(0, Math.min(local.length(), local.length() - 2)));
            q.put("email as typed so far", ru[0].substring(0, ru[0].indexOf('@') + 3));
            String p = ru[1]; // +79123456789
            q.put("phone +7 (9xx) xxx-xx-xx", "+7 (" + p.substring(2, 5) + ") " + p.substring(5, 8) + "-"
                    + p.substring(8, 10) + "-" + p.substring(10));
            q.put("phone 8 9xx xxx xx xx", "8 " + p.substring(2, 5) + " " + p.substring(5, 8) + " "
                    + p.substring(8, 10) + " " + p.substring(10));
            q.put("phone fragment xxx-xx-xx", p.substring(5, 8) + "-" + p.substring(8, 10) + "-" + p.substring(10));
            q.put("phone +44 7xxx xxxxxx", "+44 " + uk[1].substring(3, 7) + " " + uk[1].substring(7));
            q.put("phone (xxx) xxx-xxxx", "(" + us[1].substring(2, 5) + ") " + us[1].substring(5, 8) + "-"
                    + us[1].substring(8));
            q.put("company name", company[0].substring(0, company[0].lastIndexOf(' ')));
            q.put("company domain", company[1].substring(0, company[1].indexOf('-')));
            return q;
        }

        /** A fixed row (the n-th by id, or the middle one in a small tenant): the same queries in every run. */
        private String[] sample(String columns, String table, String where, int n) throws SQLException {
            String sql = "select " + columns + " from " + table + " where " + where + " order by id offset least(" + n
                    + ", (select count(*) from " + table + " where " + where + ") / 2) limit 1";
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                if (!rs.next()) {
                    throw new IllegalStateException("no sample row for " + sql);
                }
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }

        Map<String, Object> run(List<String> lines, List<String> profile) throws Exception {
            Map<String, String> queries = queries();
            Map<String, Series> byQuery = new LinkedHashMap<>();
            Map<String, Integer> hits = new LinkedHashMap<>();
            for (var q : queries.entrySet()) {
                hits.put(q.getKey(), core.search().search(scope, q.getValue(), null, 10).size());
                byQuery.put(q.getKey(), new Series());
            }
            Series all = new Series();
            for (int r = 0; r < 3 + SEARCH_RUNS; r++) {
                for (var q : queries.entrySet()) {
                    double ms = time(() -> core.search().search(scope, q.getValue(), null, 10));
                    byQuery.get(q.getKey()).add(r >= 3, ms);
                    all.add(r >= 3, ms);
                }
            }
            String slowest = null;
            List<Map<String, Object>> perQuery = new ArrayList<>();
            for (var q : queries.entrySet()) {
                Series s = byQuery.get(q.getKey());
                if (slowest == null || s.median() > byQuery.get(slowest).median()) {
                    slowest = q.getKey();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", q.getKey());
                m.put("query", q.getValue());
                m.put("hits", hits.get(q.getKey()));
                m.putAll(s.summary());
                perQuery.add(m);
            }
            long noHits = hits.values().stream().filter(h -> h == 0).count();
            boolean met = all.p95() <= 50;
            lines.add(say(String.format(Locale.ROOT,
                    "search: p95 %.1f ms, median %.1f ms over %d queries x %d runs (target p95 <= 50 ms) %s;"
                            + " slowest '%s' (%s) median %.1f ms; %d of %d queries found nothing",
                    all.p95(), all.median(), queries.size(), SEARCH_RUNS, met ? "MET" : "MISSED",
                    queries.get(slowest), slowest, byQuery.get(slowest).median(), noHits, queries.size())));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("all", all.summary());
            out.put("targetMet", met);
            out.put("queries", perQuery);
            // the exact SQL of the slowest and of a typical query, captured at the DataSource, explained
            Map<String, Object> plans = new LinkedHashMap<>();
            List<Map<String, Object>> sorted = new ArrayList<>(perQuery);
            sorted.sort((a, b) -> Double.compare((double) b.get("medianMs"), (double) a.get("medianMs")));
            for (Map<String, Object> q : sorted.subList(0, Math.min(3, sorted.size()))) {
                capture.start();
                traced.search().search(scope, (String) q.get("query"), null, 10);
                List<Capture.Stmt> stmts = capture.stop();
                Capture.Stmt search = stmts.stream()
                        .filter(st -> st.sql().contains("word_similarity"))
                        .findFirst()
                        .orElseThrow();
                String plan = Plans.explain(ds, search.sql(), search.params());
                plans.put((String) q.get("kind"), Map.of("sql", search.sql(), "params", search.params().toString(),
                        "plan", plan));
                if (!met) {
                    profile.add(String.format(Locale.ROOT, "search '%s' (%s, %s hits shown, median %.1f ms): %s; %s",
                            q.get("query"), q.get("kind"), q.get("hits"), (double) q.get("medianMs"),
                            Plans.executionTime(plan), Plans.topNodes(plan)));
                }
            }
            out.put("plans", plans);
            return out;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Figure 5: adding a custom field to the big person table
    // ---------------------------------------------------------------------------------------------------------

    static final class FieldBench {

        static Map<String, Object> run(CrmCore core, DataSource ds, TenantScope scope, int people, List<String> lines)
                throws Exception {
            Map<String, Long> before = filenodes(ds);
            long sizeBefore = queryLong(ds, "select pg_total_relation_size('person')");
            List<NewField> fields = List.of(
                    new NewField("person", "tier", null, CustomFieldType.TEXT, false, null, null, null),
                    new NewField("person", "score", null, CustomFieldType.NUMBER, false, null, null, null),
                    new NewField("person", "vip", null, CustomFieldType.BOOLEAN, false, null, null, null),
                    new NewField("person", "segment", null, CustomFieldType.SELECT, false, null,
                            List.of(new SelectOption("smb", null, null), new SelectOption("enterprise", null, null)),
                            null),
                    new NewField("person", "renewalDate", null, CustomFieldType.DATE, false, null, null, null));
            Series series = new Series();
            for (NewField f : fields) {
                series.add(true, time(() -> core.fields().create(scope.schema(), f)));
            }
            // with a long transaction reading person open: an ALTER TABLE would queue behind it (and block every
            // later query of the table); adding a field must not
            double underReader;
            String alterOutcome;
            try (Connection reader = ds.getConnection(); Connection other = ds.getConnection()) {
                reader.setAutoCommit(false);
                try (Statement s = reader.createStatement()) {
                    s.executeQuery("select count(*) from person where city = 'London'").close();
                }
                underReader = time(() -> core.fields().create(scope.schema(), new NewField(
                        "person", "sourceChannel", null, CustomFieldType.TEXT, false, null, null, null)));
                other.setAutoCommit(false);
                long t0 = System.nanoTime();
                try (Statement s = other.createStatement()) {
                    s.execute("set local lock_timeout = '1s'");
                    s.execute("alter table person add column bench_alter text");
                    alterOutcome = String.format(Locale.ROOT, "took %.1f ms", (System.nanoTime() - t0) / 1e6);
                } catch (SQLException e) {
                    alterOutcome = String.format(Locale.ROOT, "blocked, gave up after %.0f ms (%s)",
                            (System.nanoTime() - t0) / 1e6, e.getSQLState());
                } finally {
                    other.rollback();
                }
                reader.rollback();
            }
            Map<String, Long> after = filenodes(ds);
            long sizeAfter = queryLong(ds, "select pg_total_relation_size('person')");
            boolean unchanged = before.equals(after) && sizeBefore == sizeAfter;
            boolean met = series.max() < 1000 && underReader < 1000;
            lines.add(say(String.format(Locale.ROOT,
                    "add custom field: median %.1f ms, max %.1f ms over %d fields on %,d-row person (target < 1 s)"
                            + " %s; with a reader transaction open %.1f ms (ALTER TABLE ADD COLUMN: %s);"
                            + " person + %d index filenodes and size %s",
                    series.median(), series.max(), fields.size(), people, met ? "MET" : "MISSED", underReader,
                    alterOutcome, before.size() - 1, unchanged ? "unchanged (no rewrite)" : "CHANGED")));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("create", series.summary());
            out.put("withReaderOpenMs", underReader);
            out.put("alterTableWithReaderOpen", alterOutcome);
            out.put("filenodesBefore", before);
            out.put("filenodesAfter", after);
            out.put("totalBytesBefore", sizeBefore);
            out.put("totalBytesAfter", sizeAfter);
            out.put("noRewrite", unchanged);
            out.put("targetMet", met);
            return out;
        }

        private static Map<String, Long> filenodes(DataSource ds) throws SQLException {
            Map<String, Long> out = new TreeMap<>();
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select c.relname, pg_relation_filenode(c.oid) from pg_class c"
                            + " where c.oid = 'person'::regclass or c.oid in (select indexrelid from pg_index"
                            + " where indrelid = 'person'::regclass)")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Figure 4: CSV import vs raw COPY of the same file
    // ---------------------------------------------------------------------------------------------------------

    static final class ImportBench {
        private final CrmCore core;
        private final CrmCore traced;
        private final Capture capture;
        private final DataSource ds;
        private final String url;
        private final String user;
        private final int rows;

        ImportBench(CrmCore core, CrmCore traced, Capture capture, DataSource ds, String url, String user, int rows) {
            this.core = core;
            this.traced = traced;
            this.capture = capture;
            this.ds = ds;
            this.url = url;
            this.user = user;
            this.rows = rows;
        }

        Map<String, Object> run(List<String> lines, List<String> profile) throws Exception {
            Map<String, Object> out = new LinkedHashMap<>();
            Path dir = Files.createTempDirectory("crm-bench-");
            Path csv = dir.resolve("people.csv");
            try {
                long g0 = System.nanoTime();
                Data.writeCsv(csv, rows);
                out.put("generateCsvSeconds", secs(System.nanoTime() - g0));
                out.put("csvMb", Files.size(csv) >> 20);
                out.put("header", Data.CSV_HEADER);

                List<Double> copySeconds = new ArrayList<>();
                try (Connection c = DriverManager.getConnection(url, user, null)) {
                    exec(c, "create table public.bench_raw_copy (first_name text, last_name text, email text,"
                            + " phone text, job_title text, city text)");
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    for (int i = 0; i < 3; i++) {
                        exec(c, "truncate public.bench_raw_copy");
                        long t0 = System.nanoTime();
                        try (InputStream in = Files.newInputStream(csv)) {
                            long n = copy.copyIn("copy public.bench_raw_copy from stdin with (format csv, header true)",
                                    in, 1 << 16);
                            if (n != rows) {
                                throw new IllegalStateException("COPY loaded " + n + " rows, expected " + rows);
                            }
                        }
                        copySeconds.add(secs(System.nanoTime() - t0));
                    }
                    exec(c, "drop table public.bench_raw_copy");
                }
                double copyMedian = percentile(copySeconds, 50);

                TenantScope target = TenantScope.of(
                        core.tenants().create("bench-import", "Bench import", "bench").tenant(), "bench");
                System.gc();
                long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                HeapSampler heap = new HeapSampler();
                heap.start();
                capture.start();
                long t0 = System.nanoTime();
                ImportReport report;
                try (InputStream in = Files.newInputStream(csv)) {
                    report = traced.csvImport().importCsv(target, ObjectKind.PERSON, in, ImportOptions.defaults());
                }
                double ours = secs(System.nanoTime() - t0);
                List<Capture.Stmt> statements = capture.stop();
                heap.stop();
                long imported = queryLong(ds, "select count(*) from \"" + target.schema() + "\".person");
                double ratio = ours / copyMedian;
                boolean met = ratio <= 3;
                lines.add(say(String.format(Locale.ROOT,
                        "csv import: %,d rows (%d MB) in %.1f s (%,.0f rows/s; created %,d, failed %,d); raw COPY"
                                + " of the same file into a plain text table median %.2f s of 3; ratio %.1fx"
                                + " (target <= 3x) %s; heap peak %d MB used, max %d MB live after GC, -Xmx %d MB"
                                + " (before import %d MB)",
                        report.rows(), Files.size(csv) >> 20, ours, report.rows() / ours, report.created(),
                        report.failed(), copyMedian, ratio, met ? "MET" : "MISSED", heap.peakUsed >> 20,
                        heap.peakLiveAfterGc >> 20, Runtime.getRuntime().maxMemory() >> 20, heapBefore >> 20)));
                out.put("oursSeconds", ours);
                out.put("rawCopySeconds", copySeconds);
                out.put("rawCopyMedianSeconds", copyMedian);
                out.put("ratio", ratio);
                out.put("targetMet", met);
                out.put("report", Map.of("rows", report.rows(), "created", report.created(), "updated",
                        report.updated(), "skipped", report.skipped(), "failed", report.failed(), "firstErrors",
                        report.errors().stream().limit(5).map(Object::toString).toList()));
                out.put("personRowsAfter", imported);
                out.put("heapPeakUsedMb", heap.peakUsed >> 20);
                out.put("heapMaxLiveAfterGcMb", heap.peakLiveAfterGc >> 20);
                out.put("heapBeforeMb", heapBefore >> 20);
                out.put("heapSamples", heap.samples.get());
                // where the time went: every statement the import sent, timed at the DataSource; what is left
                // is parsing, validating and streaming the rows to COPY
                double inStatements = 0;
                List<Map<String, Object>> steps = new ArrayList<>();
                for (Capture.Stmt st : statements) {
                    inStatements += st.nanos() / 1e9;
                    steps.add(Map.of("seconds", st.nanos() / 1e9, "sql", abbreviate(st.sql(), 400)));
                }
                double streaming = ours - inStatements;
                out.put("parseValidateAndCopyStreamSeconds", streaming);
                List<Map<String, Object>> top = new ArrayList<>(steps);
                top.sort((a, b) -> Double.compare((double) b.get("seconds"), (double) a.get("seconds")));
                out.put("statements", steps);
                if (!met) {
                    profile.add(String.format(Locale.ROOT,
                            "csv import %.1f s: parse + validate + COPY stream into staging %.1f s (%.0f%%);"
                                    + " set-based statements %.1f s", ours, streaming, 100 * streaming / ours,
                            inStatements));
                    for (Map<String, Object> st : top.subList(0, Math.min(4, top.size()))) {
                        profile.add(String.format(Locale.ROOT, "  %.1f s (%.0f%%): %s", (double) st.get("seconds"),
                                100 * (double) st.get("seconds") / ours, abbreviate((String) st.get("sql"), 160)));
                    }
                }
            } finally {
                Files.deleteIfExists(csv);
                Files.deleteIfExists(dir);
            }
            return out;
        }
    }

    /** Heap used, sampled every 10 ms, and the live heap left after each collection. */
    static final class HeapSampler {
        volatile long peakUsed;
        volatile long peakLiveAfterGc;
        final AtomicLong samples = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
                        .toList();
                while (running.get()) {
                    peakUsed = Math.max(peakUsed, memory.getHeapMemoryUsage().getUsed());
                    long live = 0;
                    for (MemoryPoolMXBean p : pools) {
                        live += p.getCollectionUsage().getUsed();
                    }
                    peakLiveAfterGc = Math.max(peakLiveAfterGc, live);
                    samples.incrementAndGet();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Realistic data: names (English, German, Russian), cities, job titles, companies, phones, emails
    // ---------------------------------------------------------------------------------------------------------

    static final class Data {
        // lists in rough frequency order: the generators favour the head of each list
        static final String[] EN_FIRST = {
            "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
            "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
            "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
            "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
            "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie",
            "Lukas", "Hannah", "Leon", "Lea", "Felix", "Mia", "Jonas", "Emma", "Oliver", "Sophie", "Jürgen", "Zoë"
        };
        static final String[] EN_LAST = {
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
            "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Müller",
            "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "O'Brien",
            "Murphy", "Kelly", "Evans", "Davies", "Hughes", "Edwards", "Collins", "Stewart", "Morris", "Patel", "Khan",
            "Cohen", "Novak", "Kowalski", "Fitzgerald", "McDonald", "Van der Berg", "Rossi", "Dubois"
        };
        static final String[] RU_FIRST_M = {
            "Александр:aleksandr", "Дмитрий:dmitry", "Максим:maksim", "Сергей:sergey", "Андрей:andrey",
            "Алексей:aleksey", "Артём:artem", "Илья:ilya", "Кирилл:kirill", "Михаил:mikhail", "Никита:nikita",
            "Матвей:matvey", "Роман:roman", "Егор:egor", "Арсений:arseny", "Иван:ivan", "Денис:denis",
            "Евгений:evgeny", "Даниил:daniil", "Тимофей:timofey", "Владимир:vladimir", "Павел:pavel",
            "Николай:nikolay", "Олег:oleg", "Игорь:igor", "Юрий:yury", "Виктор:viktor", "Григорий:grigory"
        };
        static final String[] RU_FIRST_F = {
            "Анастасия:anastasia", "Мария:maria", "Анна:anna", "Виктория:viktoria", "Екатерина:ekaterina",
            "Наталья:natalya", "Марина:marina", "Полина:polina", "Дарья:darya", "Алиса:alisa", "Ольга:olga",
            "Елена:elena", "Татьяна:tatyana", "Ирина:irina", "Светлана:svetlana", "Юлия:yulia", "Ксения:ksenia",
            "Софья:sofya", "Вера:vera", "Людмила:lyudmila", "Галина:galina", "Надежда:nadezhda"
        };
        // masculine forms; the feminine adds -а (Smirnov -> Smirnova)
        static final String[] RU_LAST = {
            "Иванов:ivanov", "Смирнов:smirnov", "Кузнецов:kuznetsov", "Попов:popov", "Васильев:vasilyev",
            "Петров:petrov", "Соколов:sokolov", "Михайлов:mikhaylov", "Новиков:novikov", "Фёдоров:fedorov",
            "Морозов:morozov", "Волков:volkov", "Алексеев:alekseev", "Лебедев:lebedev", "Семёнов:semenov",
            "Егоров:egorov", "Павлов:pavlov", "Козлов:kozlov", "Степанов:stepanov", "Николаев:nikolaev",
            "Орлов:orlov", "Андреев:andreev", "Макаров:makarov", "Никитин:nikitin", "Захаров:zakharov",
            "Зайцев:zaytsev", "Соловьёв:solovyov", "Борисов:borisov", "Яковлев:yakovlev", "Григорьев:grigoryev",
            "Романов:romanov", "Воробьёв:vorobyov", "Сергеев:sergeev", "Кузьмин:kuzmin", "Фролов:frolov",
            "Александров:aleksandrov", "Дмитриев:dmitriev", "Королёв:korolev", "Гусев:gusev", "Киселёв:kiselev",
            "Ильин:ilyin", "Максимов:maksimov", "Поляков:polyakov", "Сорокин:sorokin", "Виноградов:vinogradov",
            "Ковалёв:kovalev", "Белов:belov", "Медведев:medvedev", "Антонов:antonov", "Тарасов:tarasov",
            "Жуков:zhukov", "Баранов:baranov", "Филиппов:filippov", "Комаров:komarov", "Давыдов:davydov",
            "Беляев:belyaev", "Герасимов:gerasimov", "Богданов:bogdanov", "Осипов:osipov", "Сидоров:sidorov"
        };
        static final String[] RU_CITIES = {
            "Москва:40", "Санкт-Петербург:20", "Новосибирск:8", "Екатеринбург:8", "Казань:7", "Нижний Новгород:6",
            "Краснодар:6", "Самара:5"
        };
        // city:country:weight (percent of the non-Russian people)
        static final String[] INTL_CITIES = {
            "London:GB:23", "Manchester:GB:5", "Birmingham:GB:4", "Edinburgh:GB:3", "Berlin:DE:10", "Munich:DE:6",
            "Hamburg:DE:5", "Frankfurt am Main:DE:4", "New York:US:12", "San Francisco:US:7", "Chicago:US:6",
            "Austin:US:5", "Boston:US:5", "Seattle:US:5"
        };
        static final String[] INTL_CITY_NAMES = expand(INTL_CITIES, 0);
        static final String[] INTL_CITY_COUNTRIES = expand(INTL_CITIES, 1);
        static final String[] EN_JOBS = {
            "Sales Manager", "Account Executive", "VP, Sales", "CEO", "CTO", "Software Engineer", "Product Manager",
            "Marketing Manager", "Head of Procurement", "Office Manager", "Chief Financial Officer",
            "HR Business Partner", "Customer Success Manager", "Operations Director", "Data Analyst", "Founder",
            "Business Development Representative", "Purchasing Manager", "Project Manager", "Director, Partnerships"
        };
        static final String[] RU_JOBS = {
            "Менеджер по продажам", "Генеральный директор", "Коммерческий директор", "Руководитель отдела закупок",
            "Главный бухгалтер", "Менеджер проектов", "Инженер-программист", "Маркетолог", "Директор по развитию",
            "HR-менеджер"
        };
        static final String[] RU_MAIL = {"yandex.ru", "mail.ru", "gmail.com", "bk.ru", "inbox.ru"};
        static final String[] INTL_MAIL = {
            "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.co.uk", "web.de", "gmx.de", "proton.me"
        };
        static final String[] EN_ADJ = {
            "Northwind", "Blue", "Global", "Bright", "Summit", "Pioneer", "Silver", "Green", "Atlas", "Apex",
            "Vertex", "Harbor", "Evergreen", "Redwood", "Quantum", "Nova", "Sterling", "Crescent", "Horizon", "Cobalt"
        };
        static final String[] EN_NOUN = {
            "Logistics", "Systems", "Foods", "Analytics", "Energy", "Labs", "Capital", "Media", "Health", "Robotics",
            "Software", "Consulting", "Partners", "Textiles", "Motors", "Pharma", "Networks", "Security", "Studios",
            "Ventures"
        };
        static final String[] EN_SUFFIX = {"Inc", "LLC", "Ltd", "GmbH", "Group", "Corp"};
        static final String[] TLD = {"com", "com", "com", "io", "co.uk", "de", "net"};
        static final String[] RU_PREFIX = {"ООО", "ООО", "ООО", "АО", "ПАО"};
        static final String[] RU_WORD = {
            "Ромашка:romashka", "Вектор:vektor", "Гранит:granit", "Сибирь:sibir", "Альфа:alfa",
            "Техносфера:tekhnosfera", "Стройинвест:stroyinvest", "Уралмаш:uralmash", "Восток:vostok",
            "Меридиан:meridian", "Прогресс:progress", "Аврора:avrora", "Север:sever", "Импульс:impuls",
            "Рассвет:rassvet"
        };
        static final String[] RU_WORD2 = {
            "Трейд:treyd", "Софт:soft", "Логистик:logistik", "Групп:grupp", "Строй:stroy", "Инжиниринг:inzhiniring"
        };
        static final String CSV_HEADER = "firstName,lastName,emails.primary,phones.primary,jobTitle,city";

        static String[] display(String[] pairs) {
            String[] out = new String[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                out[i] = pairs[i].split(":")[0];
            }
            return out;
        }

        /** The Latin spelling for email addresses: given after ':' or derived (Müller -> mueller). */
        static String[] latin(String[] names) {
            String[] out = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                String[] parts = names[i].split(":");
                out[i] = parts.length > 1 ? parts[1] : ascii(parts[0]);
            }
            return out;
        }

        static String ascii(String name) {
            String s = name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                    .replace("ß", "ss");
            s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            return s.replaceAll("[^a-z]", "");
        }

        /** Values repeated by weight ("name:weight"), for uniform picks with that distribution. */
        static String[] weighted(String[] entries) {
            List<String> out = new ArrayList<>();
            for (String e : entries) {
                String[] parts = e.split(":");
                for (int i = 0; i < Integer.parseInt(parts[parts.length - 1]); i++) {
                    out.add(parts[0]);
                }
            }
            return out.toArray(String[]::new);
        }

        private static String[] expand(String[] entries, int field) {
            List<String> out = new ArrayList<>();
            for (String e : entries) {
                String[] parts = e.split(":");
                for (int i = 0; i < Integer.parseInt(parts[2]); i++) {
                    out.add(parts[field]);
                }
            }
            return out.toArray(String[]::new);
        }

        /** A people CSV as users export it from elsewhere: phones in local formats, emails in mixed case. */
        static void writeCsv(Path file, int rows) throws Exception {
            SplittableRandom r = new SplittableRandom(20_26);
            String[] enFirst = display(EN_FIRST), enFirstLat = latin(EN_FIRST), enLast = display(EN_LAST);
            String[] enLastLat = latin(EN_LAST), ruM = display(RU_FIRST_M), ruMLat = latin(RU_FIRST_M);
            String[] ruF = display(RU_FIRST_F), ruFLat = latin(RU_FIRST_F), ruLast = display(RU_LAST);
            String[] ruLastLat = latin(RU_LAST), ruCities = weighted(RU_CITIES);
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                w.write(CSV_HEADER);
                w.write('\n');
                for (int n = 1; n <= rows; n++) {
                    boolean ru = r.nextDouble() < 0.35;
                    boolean female = r.nextBoolean();
                    double fx = Math.pow(r.nextDouble(), 1.6);
                    double lx = Math.pow(r.nextDouble(), 1.4);
                    String first, firstLat, last, lastLat, city, country, job;
                    if (ru) {
                        String[] f = female ? ruF : ruM;
                        String[] fl = female ? ruFLat : ruMLat;
                        first = f[(int) (fx * f.length)];
                        firstLat = fl[(int) (fx * f.length)];
                        last = ruLast[(int) (lx * ruLast.length)] + (female ? "а" : "");
                        lastLat = ruLastLat[(int) (lx * ruLast.length)] + (female ? "a" : "");
                        city = ruCities[r.nextInt(ruCities.length)];
                        country = "RU";
                        job = r.nextDouble() < 0.6
                                ? RU_JOBS[r.nextInt(RU_JOBS.length)]
                                : EN_JOBS[r.nextInt(EN_JOBS.length)];
                    } else {
                        first = enFirst[(int) (fx * enFirst.length)];
                        firstLat = enFirstLat[(int) (fx * enFirst.length)];
                        last = enLast[(int) (lx * enLast.length)];
                        lastLat = enLastLat[(int) (lx * enLast.length)];
                        int ci = r.nextInt(INTL_CITY_NAMES.length);
                        city = INTL_CITY_NAMES[ci];
                        country = INTL_CITY_COUNTRIES[ci];
                        job = EN_JOBS[r.nextInt(EN_JOBS.length)];
                    }
                    double e = r.nextDouble();
                    String local = e < 0.45 ? firstLat + "." + lastLat
                            : e < 0.75 ? firstLat.charAt(0) + "." + lastLat : firstLat + lastLat;
                    String[] mail = ru ? RU_MAIL : INTL_MAIL;
                    String email = local + n + "@" + mail[r.nextInt(mail.length)];
                    if (r.nextDouble() < 0.2) {
                        email = Character.toUpperCase(email.charAt(0)) + email.substring(1); // people type these
                    }
                    String phone = phone(r, country);
                    w.write(csv(first) + ',' + csv(last) + ',' + csv(email) + ',' + csv(phone) + ',' + csv(job) + ','
                            + csv(city) + '\n');
                }
            }
        }

        private static String phone(SplittableRandom r, String country) {
            String d9 = String.format("%09d", r.nextInt(1_000_000_000));
            switch (country) {
                case "RU": {
                    String p = "9" + d9;
                    return switch (r.nextInt(3)) {
                        case 0 -> "+7 (" + p.substring(0, 3) + ") " + p.substring(3, 6) + "-" + p.substring(6, 8) + "-"
                                + p.substring(8);
                        case 1 -> "+7 " + p.substring(0, 3) + " " + p.substring(3, 6) + " " + p.substring(6, 8) + " "
                                + p.substring(8);
                        default -> "+7" + p;
                    };
                }
                case "GB":
                    return "+44 7" + d9.substring(0, 3) + " " + d9.substring(3);
                case "DE":
                    return "+49 15" + r.nextInt(10) + " " + d9.substring(0, 8);
                default:
                    return "+1 (" + (2 + r.nextInt(8)) + d9.substring(0, 2) + ") " + (2 + r.nextInt(8))
                            + d9.substring(2, 4) + "-" + d9.substring(4, 8);
            }
        }

        private static String csv(String value) {
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tools: timing series, EXPLAIN, SQL capture at the DataSource
    // ---------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    static double time(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Milliseconds of one measured operation. */
    static final class Series {
        private final List<Double> values = new ArrayList<>();

        void add(boolean keep, double ms) {
            if (keep) {
                values.add(ms);
            }
        }

        double median() {
            return percentile(values, 50);
        }

        double p95() {
            return percentile(values, 95);
        }

        double max() {
            return Collections.max(values);
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", values.size());
            m.put("medianMs", round(median()));
            m.put("p95Ms", round(p95()));
            m.put("minMs", round(Collections.min(values)));
            m.put("maxMs", round(max()));
            return m;
        }
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double secs(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long queryLong(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return queryLong(c, sql);
        }
    }

    static final class Plans {
        private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");
        private static final Pattern REMOVED = Pattern.compile("Rows Removed by (?:Filter|Index Recheck): ([0-9]+)");
        private static final Pattern HIT = Pattern.compile("Buffers: shared hit=([0-9]+)(?: read=([0-9]+))?");

        /** EXPLAIN (ANALYZE, BUFFERS) with the same bound values, on a connection of the pool (tenant search_path). */
        static String explain(DataSource ds, String sql, List<Object> params) throws SQLException {
            StringBuilder plan = new StringBuilder();
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            return plan.toString();
        }

        static String executionTime(String plan) {
            Matcher m = EXECUTION.matcher(plan);
            return m.find() ? "execution " + m.group(1) + " ms" : "execution ?";
        }

        static String removedByFilter(String plan) {
            long total = 0;
            Matcher m = REMOVED.matcher(plan);
            while (m.find()) {
                total += Long.parseLong(m.group(1));
            }
            return String.format(Locale.ROOT, "%,d rows removed by filter/recheck", total);
        }

        static String buffers(String plan) {
            Matcher m = HIT.matcher(plan);
            if (!m.find()) {
                return "buffers ?";
            }
            long read = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            return String.format(Locale.ROOT, "%,d buffers", Long.parseLong(m.group(1)) + read);
        }

        /** The first plan lines (outermost nodes), compacted, for a one-line profile. */
        static String topNodes(String plan) {
            List<String> nodes = new ArrayList<>();
            for (String line : plan.split("\n")) {
                String t = line.strip();
                if (t.startsWith("->") || nodes.isEmpty()) {
                    nodes.add(t.replaceFirst("^->\\s*", "").replaceAll("\\(cost=[^)]*\\)\\s*", ""));
                }
                if (nodes.size() == 6) {
                    break;
                }
            }
            return String.join(" | ", nodes);
        }
    }

    /**
     * A DataSource wrapper that records every statement the core sends (SQL, bound values, time to execute), used
     * only for the traced runs: the measured runs go through the plain pool.
     */
    static final class Capture {
        record Stmt(String sql, List<Object> params, long nanos) {}

        private final DataSource target;
        private final List<Stmt> log = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean on;

        Capture(DataSource target) {
            this.target = target;
        }

        void start() {
            log.clear();
            on = true;
        }

        List<Stmt> stop() {
            on = false;
            synchronized (log) {
                return new ArrayList<>(log);
            }
        }

        DataSource dataSource() {
            return proxy(DataSource.class, target, (m, args, result) ->
                    m.getName().equals("getConnection") ? connection((Connection) result) : result);
        }

        private Connection connection(Connection c) {
            return proxy(Connection.class, c, (m, args, result) -> {
                String name = m.getName();
                if (name.equals("prepareStatement") && args[0] instanceof String sql) {
                    return prepared((PreparedStatement) result, sql);
                }
                if (name.equals("createStatement")) {
                    return statement((Statement) result);
                }
                return result;
            }, (m, args) -> m.getName().equals("commit") ? "commit" : null);
        }

        private PreparedStatement prepared(PreparedStatement ps, String sql) {
            Map<Integer, Object> params = new TreeMap<>();
            return proxy(PreparedStatement.class, ps, (m, args, result) -> {
                if (m.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                    params.put(i, args[1]);
                }
                return result;
            }, (m, args) -> m.getName().startsWith("execute") ? sql : null, params);
        }

        private Statement statement(Statement s) {
            return proxy(Statement.class, s, (m, args, result) -> result,
                    (m, args) -> m.getName().startsWith("execute") && args != null && args.length > 0
                            && args[0] instanceof String sql ? sql : null);
        }

        interface After {
            Object apply(Method m, Object[] args, Object result) throws Exception;
        }

        interface Timed {
            String sqlOf(Method m, Object[] args);
        }

        private <T> T proxy(Class<T> type, T target, After after) {
            return proxy(type, target, after, (m, a) -> null);
        }

        private <T> T proxy(Class<T> type, T target, After after, Timed timed) {
            return proxy(type, target, after, timed, Map.of());
        }

        @SuppressWarnings("unchecked")
        private <T> T proxy(Class<T> type, T target, After after, Timed timed, Map<Integer, Object> params) {
            return (T) Proxy.newProxyInstance(CrmBench.class.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
                if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
                    return m.invoke(target, args);
                }
                String sql = on ? timed.sqlOf(m, args) : null;
                long t0 = System.nanoTime();
                Object result;
                try {
                    result = m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (sql != null) {
                    log.add(new Stmt(sql, new ArrayList<>(params.values()), System.nanoTime() - t0));
                }
                return after.apply(m, args, result);
            });
        }
    }
}
