package com.makcrm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: run on its own, it prints its usage. */
public abstract class CommandGroup implements Runnable {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
