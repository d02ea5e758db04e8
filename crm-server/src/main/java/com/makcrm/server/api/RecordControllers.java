package com.makcrm.server.api;

import com.makcrm.core.CrmCore;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.server.problem.ProblemLanguage;
import com.makcrm.server.tenancy.TenantScopes;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The record collections, one controller each (same endpoints, own paths and API-doc section). */
final class RecordControllers {

    private RecordControllers() {}

    @RestController
    @RequestMapping("/api/v1/companies")
    @Tag(name = "Companies")
    static class Companies extends RecordController {
        Companies(CrmCore core, TenantScopes scopes, ProblemLanguage language) {
            super(ObjectKind.COMPANY, core, scopes, language);
        }
    }

    @RestController
    @RequestMapping("/api/v1/people")
    @Tag(name = "People")
    static class People extends RecordController {
        People(CrmCore core, TenantScopes scopes, ProblemLanguage language) {
            super(ObjectKind.PERSON, core, scopes, language);
        }
    }

    @RestController
    @RequestMapping("/api/v1/opportunities")
    @Tag(name = "Opportunities")
    static class Opportunities extends RecordController {
        Opportunities(CrmCore core, TenantScopes scopes, ProblemLanguage language) {
            super(ObjectKind.OPPORTUNITY, core, scopes, language);
        }
    }

    @RestController
    @RequestMapping("/api/v1/tasks")
    @Tag(name = "Tasks")
    static class Tasks extends RecordController {
        Tasks(CrmCore core, TenantScopes scopes, ProblemLanguage language) {
            super(ObjectKind.TASK, core, scopes, language);
        }
    }

    @RestController
    @RequestMapping("/api/v1/notes")
    @Tag(name = "Notes")
    static class Notes extends RecordController {
        Notes(CrmCore core, TenantScopes scopes, ProblemLanguage language) {
            super(ObjectKind.NOTE, core, scopes, language);
        }
    }
}
