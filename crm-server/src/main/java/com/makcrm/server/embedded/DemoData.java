package com.makcrm.server.embedded;

import com.makcrm.core.CrmCore;
import com.makcrm.core.access.AccessServices;
import com.makcrm.core.access.Session;
import com.makcrm.core.record.CrmRecord;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Something to look at after the first start: a demo tenant with its OWNER ({@value DemoCredentials#EMAIL}) and a
 * few companies, people, opportunities, tasks and notes, written through the same services as the API.
 */
final class DemoData {

    static final String TENANT_NAME = "Demo Company";

    private final CrmCore core;
    private final AccessServices access;
    private final DataSource dataSource;

    DemoData(CrmCore core, AccessServices access, DataSource dataSource) {
        this.core = core;
        this.access = access;
        this.dataSource = dataSource;
    }

    /** True while the control schema has never held a tenant (purged ones count: they were someone's). */
    boolean noTenantsEver() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM crm_control.tenant)")) {
            rs.next();
            return !rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tenants of the control schema", e);
        }
    }

    /**
     * Creates the demo account and records. The login is saved before the account exists, so it is never lost; a
     * failed sign-up leaves no tenant, and the next start tries again with a new password.
     */
    DemoCredentials create(Path dataDir) {
        String password = DemoCredentials.newPassword();
        new DemoCredentials(DemoCredentials.EMAIL, password, null).write(dataDir);
        Session owner = access.accounts().signup(DemoCredentials.EMAIL, password, TENANT_NAME);
        DemoCredentials credentials = new DemoCredentials(
                DemoCredentials.EMAIL, password, owner.tenant().slug());
        credentials.write(dataDir);
        Tenant tenant = core.tenants().getById(owner.tenant().id());
        records(TenantScope.of(tenant, "user:" + owner.userId()));
        return credentials;
    }

    private void records(TenantScope scope) {
        CrmRecord acme = create(
                scope,
                ObjectKind.COMPANY,
                Map.of(
                        "name",
                        "Acme Corporation",
                        "domain",
                        "acme.example",
                        "employees",
                        120,
                        "address",
                        Map.of("city", "London", "country", "GB")));
        CrmRecord globex = create(
                scope,
                ObjectKind.COMPANY,
                Map.of(
                        "name",
                        "Globex",
                        "domain",
                        "globex.example",
                        "employees",
                        45,
                        "address",
                        Map.of("city", "Berlin", "country", "DE")));
        CrmRecord initech = create(
                scope, ObjectKind.COMPANY, Map.of("name", "Initech", "domain", "initech.example", "employees", 15));
        CrmRecord alice = create(
                scope,
                ObjectKind.PERSON,
                Map.of(
                        "firstName",
                        "Alice",
                        "lastName",
                        "Smith",
                        "emails",
                        Map.of("primary", "alice@acme.example"),
                        "phones",
                        Map.of("primary", "+44 20 7946 0958"),
                        "jobTitle",
                        "Head of Operations",
                        "companyId",
                        id(acme)));
        CrmRecord bob = create(
                scope,
                ObjectKind.PERSON,
                Map.of(
                        "firstName", "Bob",
                        "lastName", "Jones",
                        "emails", Map.of("primary", "bob@globex.example"),
                        "jobTitle", "CTO",
                        "companyId", id(globex)));
        create(
                scope,
                ObjectKind.PERSON,
                Map.of(
                        "firstName", "Мария",
                        "lastName", "Иванова",
                        "emails", Map.of("primary", "maria@initech.example"),
                        "jobTitle", "Procurement lead",
                        "companyId", id(initech)));
        CrmRecord licence = create(
                scope,
                ObjectKind.OPPORTUNITY,
                Map.of(
                        "name", "Acme annual licence",
                        "amount", Map.of("amountMinor", 2_400_000, "currency", "EUR"),
                        "stage", "PROPOSAL",
                        "closeDate", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(),
                        "companyId", id(acme),
                        "pointOfContactId", id(alice)));
        create(
                scope,
                ObjectKind.OPPORTUNITY,
                Map.of(
                        "name", "Globex pilot",
                        "amount", Map.of("amountMinor", 500_000, "currency", "EUR"),
                        "stage", "MEETING",
                        "companyId", id(globex),
                        "pointOfContactId", id(bob)));
        create(
                scope,
                ObjectKind.TASK,
                Map.of(
                        "title", "Send the proposal to Alice",
                        "dueAt", inDays(3),
                        "targets",
                                Map.of(
                                        "companyIds", List.of(id(acme)),
                                        "personIds", List.of(id(alice)),
                                        "opportunityIds", List.of(id(licence)))));
        create(
                scope,
                ObjectKind.TASK,
                Map.of(
                        "title",
                        "Book a product demo with Globex",
                        "status",
                        "IN_PROGRESS",
                        "dueAt",
                        inDays(7),
                        "targets",
                        Map.of("companyIds", List.of(id(globex)), "personIds", List.of(id(bob)))));
        create(
                scope,
                ObjectKind.NOTE,
                Map.of(
                        "title", "Call with Acme",
                        "body", "Alice wants single sign-on and a yearly invoice; decision expected this quarter.",
                        "targets", Map.of("companyIds", List.of(id(acme)), "opportunityIds", List.of(id(licence)))));
    }

    private CrmRecord create(TenantScope scope, ObjectKind kind, Map<String, Object> fields) {
        return core.records().create(scope, kind, fields, WriteOptions.FAIL).record();
    }

    private static String id(CrmRecord record) {
        return record.id().toString();
    }

    private static String inDays(int days) {
        return ZonedDateTime.now(ZoneOffset.UTC)
                .plusDays(days)
                .truncatedTo(ChronoUnit.HOURS)
                .withHour(9)
                .toOffsetDateTime()
                .toString();
    }
}
