package com.makcrm.cli.tenant;

import com.makcrm.cli.CoreSession;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.cli.output.Table;
import com.makcrm.core.tenant.OperationRecord;
import com.makcrm.core.tenant.Tenant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show one tenant and its most recent operations.")
final class TenantShowCommand implements Callable<Integer> {

    private static final int RECENT_OPERATIONS = 10;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SLUG")
    private String slug;

    @Mixin
    private OutputOption output;

    @Override
    public Integer call() {
        try (CoreSession session = TenantCommand.open(spec)) {
            Tenant t = session.core().tenants().get(slug);
            List<OperationRecord> ops = session.core().tenants().recentOperations(slug, RECENT_OPERATIONS);
            Map<String, Object> view = TenantView.of(t);
            view.put("recentOperations", ops.stream().map(TenantView::of).toList());
            Printer.print(spec.commandLine().getOut(), output.format(), view, () -> table(view, ops));
            return ExitCodes.OK;
        }
    }

    private static Table table(Map<String, Object> view, List<OperationRecord> ops) {
        Table table = new Table("FIELD", "VALUE");
        view.forEach((k, v) -> {
            if (!k.equals("recentOperations")) {
                table.row(k, v);
            }
        });
        for (OperationRecord r : ops) {
            table.row(
                    "operation",
                    r.startedAt() + " " + r.operation() + " " + r.outcome() + " by " + r.actor()
                            + (r.detail() == null ? "" : ": " + r.detail()));
        }
        return table;
    }
}
