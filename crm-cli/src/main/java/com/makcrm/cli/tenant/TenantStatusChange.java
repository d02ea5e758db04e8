package com.makcrm.cli.tenant;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantService;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Shared shape of suspend and resume: one slug in, one status change, the tenant out. */
abstract class TenantStatusChange implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SLUG")
    String slug;

    @Mixin
    OutputOption output;

    abstract Tenant apply(TenantService tenants, String slug, String actor);

    @Override
    public Integer call() {
        try (CoreSession session = TenantCommand.open(spec)) {
            Tenant t = apply(
                    session.core().tenants(), slug, TenantCommand.root(spec).actor());
            Printer.result(
                    spec.commandLine().getOut(),
                    output.format(),
                    TenantView.of(t),
                    "tenant " + slug + " is " + t.status());
            return ExitCodes.OK;
        }
    }
}
