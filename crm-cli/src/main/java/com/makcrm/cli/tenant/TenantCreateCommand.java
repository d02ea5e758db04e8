package com.makcrm.cli.tenant;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantService.Created;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Provision a tenant: create its schema, apply tenant migrations, then mark it ACTIVE.",
            "All or nothing: a failure leaves no tenant and no schema behind.",
            "Creating an ACTIVE tenant that exists with the same name changes nothing and exits 0."
        })
final class TenantCreateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SLUG", description = "3-40 chars: a-z, 0-9 and '-', starting with a letter.")
    private String slug;

    @Option(names = "--name", paramLabel = "TEXT", description = "Display name (default: the slug).")
    private String name;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        try (CoreSession session = TenantCommand.open(spec)) {
            Created created = session.core()
                    .tenants()
                    .create(slug, name, TenantCommand.root(spec).actor());
            Tenant t = created.tenant();
            String sentence = created.created()
                    ? "created tenant " + slug + " (" + t.status() + ", schema " + t.schemaName() + ", version "
                            + t.schemaVersion() + ")"
                    : "tenant " + slug + " already exists with this name; nothing changed";
            Printer.result(spec.commandLine().getOut(), output.format(), TenantView.of(t), sentence);
            return ExitCodes.OK;
        }
    }
}
