package com.makcrm.core.record;

import com.makcrm.core.record.ScalarAttribute.Type;
import com.makcrm.core.value.Values;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in fields of each object type, in API order, and how they map onto columns. */
final class ObjectModel {

    /** Fields every record has, maintained by the service: clients cannot write them. */
    static final Set<String> SYSTEM_FIELDS =
            Set.of("id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy", "deletedAt", "custom");

    private static final Map<ObjectKind, ObjectModel> MODELS = new EnumMap<>(ObjectKind.class);

    static {
        MODELS.put(
                ObjectKind.COMPANY,
                new ObjectModel(
                        ObjectKind.COMPANY,
                        List.of(
                                ScalarAttribute.text("name", "name").required().build(),
                                ScalarAttribute.text("domain", "domain")
                                        .normalizer(v -> Values.domain("domain", v))
                                        .format("hostname")
                                        .description("The bare host name, e.g. acme.com (a written URL is reduced to"
                                                + " it); unique among live companies")
                                        .build(),
                                ScalarAttribute.of("employees", "employees", Type.INTEGER)
                                        .range(0, Integer.MAX_VALUE)
                                        .build(),
                                new MoneyAttribute("annualRevenue", "annual_revenue_amount", "annual_revenue_currency"),
                                new AddressAttribute("address", "address_"),
                                ScalarAttribute.of("ownerId", "owner_id", Type.UUID)
                                        .build(),
                                url("linkedinUrl", "linkedin_url"),
                                url("xUrl", "x_url"),
                                ScalarAttribute.of("idealCustomer", "ideal_customer", Type.BOOLEAN)
                                        .defaultValue(false)
                                        .build())));
        MODELS.put(
                ObjectKind.PERSON,
                new ObjectModel(
                        ObjectKind.PERSON,
                        List.of(
                                ScalarAttribute.text("firstName", "first_name")
                                        .maxLength(200)
                                        .build(),
                                ScalarAttribute.text("lastName", "last_name")
                                        .maxLength(200)
                                        .build(),
                                new ContactsAttribute(
                                        "emails", "primary_email", "additional_emails", ContactsAttribute.Kind.EMAIL),
                                new ContactsAttribute(
                                        "phones", "primary_phone", "additional_phones", ContactsAttribute.Kind.PHONE),
                                ScalarAttribute.text("jobTitle", "job_title")
                                        .maxLength(300)
                                        .build(),
                                ScalarAttribute.text("city", "city")
                                        .maxLength(300)
                                        .build(),
                                ScalarAttribute.of("companyId", "company_id", Type.UUID)
                                        .references(ObjectKind.COMPANY)
                                        .build(),
                                url("avatarUrl", "avatar_url"),
                                url("linkedinUrl", "linkedin_url"),
                                url("xUrl", "x_url"))));
        MODELS.put(
                ObjectKind.OPPORTUNITY,
                new ObjectModel(
                        ObjectKind.OPPORTUNITY,
                        List.of(
                                ScalarAttribute.text("name", "name").required().build(),
                                new MoneyAttribute("amount", "amount_minor", "currency"),
                                ScalarAttribute.of("closeDate", "close_date", Type.DATE)
                                        .build(),
                                ScalarAttribute.of("pipelineId", "pipeline_id", Type.UUID)
                                        .neverNull()
                                        .description("The pipeline's id; the default pipeline when not given")
                                        .build(),
                                ScalarAttribute.text("stage", "stage")
                                        .maxLength(63)
                                        .neverNull()
                                        .description("The key of a stage of the pipeline, e.g. PROPOSAL; its first"
                                                + " stage when not given")
                                        .build(),
                                ScalarAttribute.of("probability", "probability", Type.INTEGER)
                                        .range(0, 100)
                                        .description("Percent; the stage's probability when a create, or a change of"
                                                + " stage, does not give one")
                                        .build(),
                                ScalarAttribute.of("companyId", "company_id", Type.UUID)
                                        .references(ObjectKind.COMPANY)
                                        .build(),
                                ScalarAttribute.of("pointOfContactId", "point_of_contact_id", Type.UUID)
                                        .references(ObjectKind.PERSON)
                                        .build(),
                                ScalarAttribute.of("ownerId", "owner_id", Type.UUID)
                                        .build())));
        MODELS.put(
                ObjectKind.TASK,
                new ObjectModel(
                        ObjectKind.TASK,
                        List.of(
                                ScalarAttribute.text("title", "title")
                                        .required()
                                        .build(),
                                ScalarAttribute.text("body", "body")
                                        .maxLength(100_000)
                                        .build(),
                                ScalarAttribute.of("dueAt", "due_at", Type.DATETIME)
                                        .build(),
                                ScalarAttribute.of("status", "status", Type.ENUM)
                                        .allowed(List.of("TODO", "IN_PROGRESS", "DONE"))
                                        .defaultValue("TODO")
                                        .build(),
                                ScalarAttribute.of("assigneeId", "assignee_id", Type.UUID)
                                        .build())));
        MODELS.put(
                ObjectKind.NOTE,
                new ObjectModel(
                        ObjectKind.NOTE,
                        List.of(
                                ScalarAttribute.text("title", "title").build(),
                                ScalarAttribute.text("body", "body")
                                        .maxLength(1_000_000)
                                        .build())));
    }

    private final ObjectKind kind;
    private final Map<String, Attribute> attributes = new LinkedHashMap<>();

    private ObjectModel(ObjectKind kind, List<Attribute> attributes) {
        this.kind = kind;
        attributes.forEach(a -> this.attributes.put(a.name(), a));
    }

    static ObjectModel of(ObjectKind kind) {
        return MODELS.get(kind);
    }

    ObjectKind kind() {
        return kind;
    }

    Map<String, Attribute> attributes() {
        return attributes;
    }

    /** Whether tasks and notes link to other records through a target table. */
    boolean hasTargets() {
        return kind == ObjectKind.TASK || kind == ObjectKind.NOTE;
    }

    /** API names that custom fields may not use on this object. */
    static Map<String, Set<String>> reservedNames() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (ObjectModel m : MODELS.values()) {
            java.util.Set<String> names = new java.util.HashSet<>(m.attributes.keySet());
            names.addAll(SYSTEM_FIELDS);
            names.add("targets");
            out.put(m.kind.apiName(), Set.copyOf(names));
        }
        return out;
    }

    private static ScalarAttribute url(String name, String column) {
        return ScalarAttribute.text(name, column)
                .maxLength(2048)
                .normalizer(v -> Values.url(name, v))
                .format("uri")
                .description("An absolute http(s) URL")
                .build();
    }
}
