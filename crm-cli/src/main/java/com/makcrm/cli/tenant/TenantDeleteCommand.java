package com.makcrm.cli.tenant;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Delete a tenant. Soft by default: status DELETED, schema and slug kept for the grace period.",
            "--purge drops the schema and frees the slug at once (also for an already deleted tenant)."
        })
final class TenantDeleteCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SLUG")
    private String slug;

    @Option(names = "--confirm", required = true, paramLabel = "SLUG", description = "Repeat the slug to confirm.")
    private String confirm;

    @Option(names = "--purge", description = "Drop the tenant's schema and all its data now. Cannot be undone.")
    private boolean purge;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        if (!slug.equals(confirm)) {
            throw new ParameterException(
                    spec.commandLine(), "--confirm must repeat the tenant slug '" + slug + "' (got '" + confirm + "')");
        }
        try (CoreSession session = TenantCommand.open(spec)) {
            Tenant t = session.core()
                    .tenants()
                    .delete(slug, purge, TenantCommand.root(spec).actor());
            String sentence = t.status() == TenantStatus.PURGED
                    ? "tenant " + slug + " purged: schema " + t.schemaName() + " dropped, slug free"
                    : "tenant " + slug + " deleted; data kept until " + t.purgeAfter() + " (purge now with --purge)";
            Printer.result(spec.commandLine().getOut(), output.format(), TenantView.of(t), sentence);
            return ExitCodes.OK;
        }
    }
}
