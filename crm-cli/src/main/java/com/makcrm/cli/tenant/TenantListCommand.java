package com.makcrm.cli.tenant;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.core.tenant.Tenant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List tenants (all but purged ones), by slug.")
final class TenantListCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        try (CoreSession session = TenantCommand.open(spec)) {
            List<Tenant> tenants = session.core().tenants().list();
            Printer.print(
                    spec.commandLine().getOut(),
                    output.format(),
                    tenants.stream().map(TenantView::of).toList(),
                    () -> TenantView.table(tenants));
            return ExitCodes.OK;
        }
    }
}
