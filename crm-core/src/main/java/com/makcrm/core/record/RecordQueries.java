package com.makcrm.core.record;

import com.makcrm.core.field.FieldDefinition;
import com.makcrm.core.field.SelectOption;
import com.makcrm.core.query.FieldType;
import com.makcrm.core.query.QueryField;
import com.makcrm.core.query.QueryObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the query language can filter and sort on, per object: built-in fields under their API names (composite
 * fields flattened to camelCase, e.g. {@code addressCity}, {@code amount} for the minor-unit amount), the tenant's
 * custom fields as {@code custom.<name>}, and one level of relations ({@code company.name}).
 */
final class RecordQueries {

    private RecordQueries() {}

    static QueryObject object(ObjectKind kind, Map<ObjectKind, List<FieldDefinition>> custom) {
        QueryObject base = QueryObject.of(
                kind.apiName(),
                kind.table(),
                alias(kind),
                "deleted_at",
                fields(kind, alias(kind), custom.getOrDefault(kind, List.of())));
        return switch (kind) {
            case PERSON ->
                base.withRelation("company", related(ObjectKind.COMPANY, "rc", custom), "rc.id = p.company_id");
            case OPPORTUNITY ->
                base.withRelation("company", related(ObjectKind.COMPANY, "rc", custom), "rc.id = o.company_id")
                        .withRelation(
                                "pointOfContact",
                                related(ObjectKind.PERSON, "rp", custom),
                                "rp.id = o.point_of_contact_id");
            default -> base;
        };
    }

    private static QueryObject related(ObjectKind kind, String alias, Map<ObjectKind, List<FieldDefinition>> custom) {
        return QueryObject.of(
                kind.apiName(),
                kind.table(),
                alias,
                "deleted_at",
                fields(kind, alias, custom.getOrDefault(kind, List.of())));
    }

    static String alias(ObjectKind kind) {
        return switch (kind) {
            case COMPANY -> "c";
            case PERSON -> "p";
            case OPPORTUNITY -> "o";
            case TASK -> "t";
            case NOTE -> "n";
        };
    }

    private static List<QueryField> fields(ObjectKind kind, String a, List<FieldDefinition> custom) {
        List<QueryField> f = new ArrayList<>(common(a));
        switch (kind) {
            case COMPANY -> {
                f.add(QueryField.column("name", FieldType.TEXT, a + ".name").notNull());
                f.add(QueryField.column("domain", FieldType.TEXT, a + ".domain"));
                f.add(QueryField.column("employees", FieldType.INTEGER, a + ".employees"));
                f.add(QueryField.column("annualRevenue", FieldType.CURRENCY, a + ".annual_revenue_amount"));
                f.add(QueryField.column("annualRevenueCurrency", FieldType.TEXT, a + ".annual_revenue_currency"));
                f.add(QueryField.column("addressStreet", FieldType.TEXT, a + ".address_street"));
                f.add(QueryField.column("addressCity", FieldType.TEXT, a + ".address_city"));
                f.add(QueryField.column("addressPostcode", FieldType.TEXT, a + ".address_postcode"));
                f.add(QueryField.column("addressCountry", FieldType.TEXT, a + ".address_country"));
                f.add(QueryField.column("ownerId", FieldType.UUID, a + ".owner_id"));
                f.add(QueryField.column("linkedinUrl", FieldType.URL, a + ".linkedin_url"));
                f.add(QueryField.column("xUrl", FieldType.URL, a + ".x_url"));
                f.add(QueryField.column("idealCustomer", FieldType.BOOLEAN, a + ".ideal_customer")
                        .notNull());
            }
            case PERSON -> {
                f.add(QueryField.column("firstName", FieldType.TEXT, a + ".first_name"));
                f.add(QueryField.column("lastName", FieldType.TEXT, a + ".last_name"));
                f.add(QueryField.column("email", FieldType.EMAIL, a + ".primary_email"));
                f.add(QueryField.column(
                        "emails",
                        FieldType.TEXT_ARRAY,
                        "array_remove(array_prepend(" + a + ".primary_email, " + a + ".additional_emails), null)"));
                f.add(QueryField.column("phone", FieldType.PHONE, a + ".primary_phone"));
                f.add(QueryField.column(
                        "phones",
                        FieldType.TEXT_ARRAY,
                        "array_remove(array_prepend(" + a + ".primary_phone, " + a + ".additional_phones), null)"));
                f.add(QueryField.column("jobTitle", FieldType.TEXT, a + ".job_title"));
                f.add(QueryField.column("city", FieldType.TEXT, a + ".city"));
                f.add(QueryField.column("companyId", FieldType.UUID, a + ".company_id"));
                f.add(QueryField.column("avatarUrl", FieldType.URL, a + ".avatar_url"));
                f.add(QueryField.column("linkedinUrl", FieldType.URL, a + ".linkedin_url"));
                f.add(QueryField.column("xUrl", FieldType.URL, a + ".x_url"));
            }
            case OPPORTUNITY -> {
                f.add(QueryField.column("name", FieldType.TEXT, a + ".name").notNull());
                f.add(QueryField.column("amount", FieldType.CURRENCY, a + ".amount_minor"));
                f.add(QueryField.column("currency", FieldType.TEXT, a + ".currency"));
                f.add(QueryField.column("closeDate", FieldType.DATE, a + ".close_date"));
                f.add(QueryField.column("pipelineId", FieldType.UUID, a + ".pipeline_id")
                        .notNull());
                f.add(QueryField.column("stage", FieldType.TEXT, a + ".stage").notNull());
                f.add(QueryField.column("probability", FieldType.INTEGER, a + ".probability"));
                f.add(QueryField.column("companyId", FieldType.UUID, a + ".company_id"));
                f.add(QueryField.column("pointOfContactId", FieldType.UUID, a + ".point_of_contact_id"));
                f.add(QueryField.column("ownerId", FieldType.UUID, a + ".owner_id"));
            }
            case TASK -> {
                f.add(QueryField.column("title", FieldType.TEXT, a + ".title").notNull());
                f.add(QueryField.column("body", FieldType.TEXT, a + ".body").notSortable());
                f.add(QueryField.column("dueAt", FieldType.DATETIME, a + ".due_at"));
                f.add(QueryField.column("status", FieldType.SELECT, a + ".status")
                        .notNull()
                        .withOptions(Set.of("TODO", "IN_PROGRESS", "DONE")));
                f.add(QueryField.column("assigneeId", FieldType.UUID, a + ".assignee_id"));
            }
            case NOTE -> {
                f.add(QueryField.column("title", FieldType.TEXT, a + ".title"));
                f.add(QueryField.column("body", FieldType.TEXT, a + ".body").notSortable());
            }
        }
        custom.forEach(d -> f.add(customField(a, d)));
        return f;
    }

    private static List<QueryField> common(String a) {
        return List.of(
                QueryField.column("id", FieldType.UUID, a + ".id").notNull(),
                QueryField.column("createdAt", FieldType.DATETIME, a + ".created_at")
                        .notNull(),
                QueryField.column("updatedAt", FieldType.DATETIME, a + ".updated_at")
                        .notNull(),
                QueryField.column("createdBy", FieldType.TEXT, a + ".created_by"),
                QueryField.column("updatedBy", FieldType.TEXT, a + ".updated_by"),
                QueryField.column("deletedAt", FieldType.DATETIME, a + ".deleted_at"));
    }

    private static QueryField customField(String a, FieldDefinition d) {
        Set<String> options =
                d.options().stream().map(SelectOption::value).collect(Collectors.toCollection(LinkedHashSet::new));
        return switch (d.type()) {
            case CURRENCY ->
                new QueryField(
                        "custom." + d.name(),
                        FieldType.CURRENCY,
                        "((" + a + ".custom->'" + d.name() + "'->>'amountMinor')::bigint)",
                        true,
                        true,
                        Set.of(),
                        true);
            default -> QueryField.custom(a, d.name(), FieldType.valueOf(d.type().name()), options);
        };
    }
}
