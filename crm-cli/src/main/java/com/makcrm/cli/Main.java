package com.makcrm.cli;

/** Entry point of {@code crm.jar}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(CrmCommand.run(args, System.getenv()));
    }
}
