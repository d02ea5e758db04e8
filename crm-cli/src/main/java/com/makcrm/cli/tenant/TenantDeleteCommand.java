package com.makcrm.cli.tenant;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.config.ObjectStores;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.TenantStorage;
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
            "--purge drops the schema and frees the slug at once (also for an already deleted tenant), after removing"
                    + " the tenant's stored files (attachments) from the object store CRM_STORAGE_URL names."
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
        ObjectStorage objects =
                purge ? ObjectStores.applicationOrNull(TenantCommand.root(spec).settings()) : null;
        try (CoreSession session = TenantCommand.open(spec);
                ObjectStorage ignored = objects) {
            Tenant t = session.core()
                    .tenants()
                    .delete(slug, purge, TenantCommand.root(spec).actor(), objects);
            String sentence;
            if (t.status() != TenantStatus.PURGED) {
                sentence =
                        "tenant " + slug + " deleted; data kept until " + t.purgeAfter() + " (purge now with --purge)";
            } else if (objects != null) {
                sentence = "tenant " + slug + " purged: schema " + t.schemaName() + " dropped, its stored files ("
                        + TenantStorage.prefixOf(t.id()) + ") removed, slug free";
            } else {
                sentence = "tenant " + slug + " purged: schema " + t.schemaName() + " dropped, slug free";
                spec.commandLine()
                        .getErr()
                        .println("WARNING: " + ObjectStores.STORAGE_ENV + " is not set, so the tenant's stored files"
                                + " (attachments under " + TenantStorage.prefixOf(t.id()) + ") were not removed;"
                                + " delete that prefix from the object store by hand (set " + ObjectStores.STORAGE_ENV
                                + " to the server's value before a purge to have it done)");
            }
            Printer.result(spec.commandLine().getOut(), output.format(), TenantView.of(t), sentence);
            return ExitCodes.OK;
        }
    }
}
