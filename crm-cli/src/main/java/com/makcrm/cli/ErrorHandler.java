package com.makcrm.cli;

import com.makcrm.core.backup.BackupFailure;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.Messages;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The CLI's one error handler: a single {@code ERROR:} line and an exit code; stack traces only with --verbose. */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final CrmCommand root;

    ErrorHandler(CrmCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (e instanceof BackupFailure failure) {
            err.println("ERROR: " + localized(failure));
            printTraceIfVerbose(err, e);
            return ExitCodes.of(failure.kind());
        }
        if (e instanceof CrmException crm) {
            err.println("ERROR: " + localized(crm));
            printTraceIfVerbose(err, e);
            return ExitCodes.of(crm.category());
        }
        err.println("ERROR: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root.verbose() ? "" : " (run with --verbose for details)"));
        printTraceIfVerbose(err, e);
        return ExitCodes.SOFTWARE;
    }

    /** The exception's message in the run's language as far as it is translatable; the prefix stays English. */
    private String localized(CrmException e) {
        return Messages.fromClasspath().describe(e, root.locale());
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        UsageErrors usage = new UsageErrors(Messages.fromClasspath(), root.locale());
        err.println("ERROR: " + usage.describe(e));
        err.println(usage.tryHelp(e.getCommandLine().getCommandSpec().qualifiedName()));
        return ExitCodes.USAGE;
    }

    private void printTraceIfVerbose(PrintWriter err, Exception e) {
        if (root.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
