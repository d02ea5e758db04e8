package com.makcrm.core.query;

import java.util.List;
import java.util.Set;

/** Query metadata for the small test schema in {@link TestSchema}: company and opportunity. */
final class Fixtures {

    static final Set<String> STAGES = Set.of("NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER", "LOST");
    static final Set<String> TIERS = Set.of("gold", "silver", "bronze");
    static final Set<String> TAGS = Set.of("red", "green", "blue", "amber");

    static final QueryObject COMPANY = QueryObject.of(
            "company",
            "company",
            "c",
            "deleted_at",
            List.of(
                    QueryField.column("id", FieldType.UUID, "c.id").notNull(),
                    QueryField.column("name", FieldType.TEXT, "c.name").notNull(),
                    QueryField.column("domain", FieldType.URL, "c.domain"),
                    QueryField.column("employees", FieldType.INTEGER, "c.employees"),
                    QueryField.column("createdAt", FieldType.DATETIME, "c.created_at")
                            .notNull(),
                    QueryField.column("phones", FieldType.TEXT_ARRAY, "c.phones"),
                    QueryField.custom("c", "segment", FieldType.TEXT, Set.of())));

    static final QueryObject OPPORTUNITY = QueryObject.of(
                    "opportunity",
                    "opportunity",
                    "o",
                    "deleted_at",
                    List.of(
                            QueryField.column("id", FieldType.UUID, "o.id").notNull(),
                            QueryField.column("name", FieldType.TEXT, "o.name").notNull(),
                            QueryField.column("amount", FieldType.CURRENCY, "o.amount"),
                            QueryField.column("probability", FieldType.NUMBER, "o.probability"),
                            QueryField.column("closeDate", FieldType.DATE, "o.close_date"),
                            QueryField.column("stage", FieldType.SELECT, "o.stage")
                                    .withOptions(STAGES),
                            QueryField.column("won", FieldType.BOOLEAN, "o.won"),
                            QueryField.column("companyId", FieldType.UUID, "o.company_id"),
                            QueryField.column("createdAt", FieldType.DATETIME, "o.created_at")
                                    .notNull(),
                            QueryField.column("secret", FieldType.TEXT, "o.secret")
                                    .notSortable(),
                            new QueryField("rank", FieldType.INTEGER, "o.rank", true, false, Set.of()),
                            QueryField.custom("o", "tier", FieldType.SELECT, TIERS),
                            QueryField.custom("o", "score", FieldType.NUMBER, Set.of()),
                            QueryField.custom("o", "seats", FieldType.INTEGER, Set.of()),
                            QueryField.custom("o", "signed", FieldType.BOOLEAN, Set.of()),
                            QueryField.custom("o", "renewal", FieldType.DATE, Set.of()),
                            QueryField.custom("o", "contactedAt", FieldType.DATETIME, Set.of()),
                            QueryField.custom("o", "tags", FieldType.MULTI_SELECT, TAGS)))
            .withRelation("company", COMPANY, "o.company_id = c.id");

    private Fixtures() {}
}
