package com.makcrm.core.query;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small deterministic data set (companies and opportunities with nulls, ties, custom fields and soft
 * deletes), kept both in PostgreSQL and as Java objects, so query results can be checked against a plain
 * Java filter and sort. Text values are lowercase letters and digits only, which every collation orders
 * like {@link String#compareTo}.
 */
final class TestSchema {

    static final String DDL = """
            create table company (
                id uuid primary key,
                name text not null,
                domain text,
                employees integer,
                created_at timestamptz not null,
                deleted_at timestamptz,
                phones text[],
                custom jsonb not null default '{}'
            );
            create table opportunity (
                id uuid primary key,
                name text not null,
                amount bigint,
                probability numeric(5, 2),
                close_date date,
                stage text,
                won boolean,
                company_id uuid references company (id),
                created_at timestamptz not null,
                deleted_at timestamptz,
                secret text,
                rank integer,
                custom jsonb not null default '{}'
            );
            """;

    static final class Company {
        UUID id;
        String name;
        String domain;
        Integer employees;
        OffsetDateTime createdAt;
        OffsetDateTime deletedAt;
        List<String> phones;
        String segment;
    }

    static final class Opp {
        UUID id;
        String name;
        Long amount;
        BigDecimal probability;
        LocalDate closeDate;
        String stage;
        Boolean won;
        Company company;
        OffsetDateTime createdAt;
        OffsetDateTime deletedAt;
        String tier;
        BigDecimal score;
        Long seats;
        Boolean signed;
        LocalDate renewal;
        OffsetDateTime contactedAt;
        List<String> tags;

        /** The related company as the query sees it: absent when missing or soft-deleted. */
        Company liveCompany() {
            return company != null && company.deletedAt == null ? company : null;
        }

        UUID companyId() {
            return company == null ? null : company.id;
        }
    }

    private static final String[] COMPANY_WORDS = {
        "acme",
        "globex",
        "initech",
        "umbrella",
        "hooli",
        "vandelay",
        "stark",
        "wayne",
        "wonka",
        "tyrell",
        "cyberdyne",
        "soylent"
    };
    private static final String[] OPP_WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"
    };
    private static final String[] STAGES = {"NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER", "LOST"};
    private static final String[] TIERS = {"gold", "silver", "bronze"};
    private static final String[] TAGS = {"red", "green", "blue", "amber"};
    private static final String[] SEGMENTS = {"smb", "mid", "ent"};
    private static final long[] AMOUNTS = {1_000, 5_000, 10_000, 50_000, 100_000, 250_000, 1_000_000};
    private static final OffsetDateTime BASE = OffsetDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<Company> companies = new ArrayList<>();
    final List<Opp> opportunities = new ArrayList<>();
    private final Random random;

    private TestSchema(long seed) {
        this.random = new Random(seed);
    }

    static TestSchema generate(long seed, int companyCount, int opportunityCount) {
        TestSchema schema = new TestSchema(seed);
        for (int i = 0; i < companyCount; i++) {
            schema.companies.add(schema.company(i));
        }
        for (int i = 0; i < opportunityCount; i++) {
            schema.opportunities.add(schema.opportunity(i));
        }
        return schema;
    }

    List<Opp> visibleOpportunities() {
        return opportunities.stream().filter(o -> o.deletedAt == null).toList();
    }

    void create(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(DDL);
            }
            insertCompanies(connection);
            insertOpportunities(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze");
            }
        }
    }

    private Company company(int i) {
        Company c = new Company();
        c.id = new UUID(random.nextLong(), random.nextLong());
        c.name = pick(COMPANY_WORDS);
        c.domain = chance(20) ? null : c.name + i + "com";
        c.employees = chance(15) ? null : 1 + random.nextInt(20) * 50;
        c.createdAt = BASE.plusHours(i);
        c.deletedAt = chance(10) ? BASE.plusDays(400) : null;
        c.phones = chance(20) ? null : phones();
        c.segment = chance(30) ? null : pick(SEGMENTS);
        return c;
    }

    private Opp opportunity(int i) {
        Opp o = new Opp();
        o.id = new UUID(random.nextLong(), random.nextLong());
        o.name = pick(OPP_WORDS) + String.format("%02d", random.nextInt(30));
        o.amount = chance(15) ? null : AMOUNTS[random.nextInt(AMOUNTS.length)];
        o.probability = chance(20) ? null : BigDecimal.valueOf(random.nextInt(10_001), 2);
        o.closeDate = chance(25) ? null : LocalDate.of(2024, 1, 1).plusDays(random.nextInt(120));
        o.stage = chance(10) ? null : pick(STAGES);
        o.won = chance(30) ? null : random.nextBoolean();
        o.company = chance(10) ? null : companies.get(random.nextInt(companies.size()));
        o.createdAt = BASE.plusMinutes(i * 7L);
        o.deletedAt = chance(8) ? BASE.plusDays(500) : null;
        customs(o);
        return o;
    }

    private void customs(Opp o) {
        o.tier = chance(30) ? null : pick(TIERS);
        o.score = chance(30) ? null : BigDecimal.valueOf(random.nextInt(200), 1);
        o.seats = chance(50) ? null : (long) random.nextInt(40);
        o.signed = chance(40) ? null : random.nextBoolean();
        o.renewal = chance(40) ? null : LocalDate.of(2025, 1, 1).plusDays(random.nextInt(60));
        o.contactedAt = chance(50) ? null : BASE.plusSeconds(random.nextInt(100_000) * 60L);
        o.tags = chance(30) ? null : tags();
    }

    private List<String> phones() {
        List<String> phones = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            phones.add("+1555000" + random.nextInt(20));
        }
        return phones;
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (chance(35)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private void insertCompanies(Connection connection) throws SQLException {
        String sql = "insert into company (id, name, domain, employees, created_at, deleted_at, phones, custom)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Company c : companies) {
                ObjectNode custom = JSON.createObjectNode();
                if (c.segment != null) {
                    custom.put("segment", c.segment);
                }
                insert.setObject(1, c.id);
                insert.setString(2, c.name);
                insert.setString(3, c.domain);
                insert.setObject(4, c.employees);
                insert.setObject(5, c.createdAt);
                insert.setObject(6, c.deletedAt);
                insert.setArray(7, c.phones == null ? null : connection.createArrayOf("text", c.phones.toArray()));
                insert.setString(8, custom.toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertOpportunities(Connection connection) throws SQLException {
        String sql = "insert into opportunity (id, name, amount, probability, close_date, stage, won, company_id,"
                + " created_at, deleted_at, custom) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Opp o : opportunities) {
                insert.setObject(1, o.id);
                insert.setString(2, o.name);
                insert.setObject(3, o.amount);
                insert.setBigDecimal(4, o.probability);
                insert.setObject(5, o.closeDate);
                insert.setString(6, o.stage);
                insert.setObject(7, o.won);
                insert.setObject(8, o.companyId());
                insert.setObject(9, o.createdAt);
                insert.setObject(10, o.deletedAt);
                insert.setString(11, custom(o).toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static ObjectNode custom(Opp o) {
        ObjectNode custom = JSON.createObjectNode();
        if (o.tier != null) {
            custom.put("tier", o.tier);
        }
        if (o.score != null) {
            custom.put("score", o.score);
        }
        if (o.seats != null) {
            custom.put("seats", o.seats);
        }
        if (o.signed != null) {
            custom.put("signed", o.signed);
        }
        if (o.renewal != null) {
            custom.put("renewal", o.renewal.toString());
        }
        if (o.contactedAt != null) {
            custom.put("contactedAt", o.contactedAt.toString());
        }
        if (o.tags != null) {
            ArrayNode tags = custom.putArray("tags");
            o.tags.forEach(tags::add);
        }
        return custom;
    }
}
