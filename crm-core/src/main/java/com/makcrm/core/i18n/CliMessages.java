package com.makcrm.core.i18n;

/**
 * What the {@code crm} command says about a command line it cannot parse, in languages other than English: an
 * English run prints picocli's own wording unchanged, which these English sources follow closely.
 */
public final class CliMessages {

    private CliMessages() {}

    public static final Message UNKNOWN_OPTIONS = new Message(
            "cli.unknownOptions",
            "{count, plural, one {Unknown option} other {Unknown options}}: {options}",
            "Command-line error: options the command does not have. {count}: how many; {options}: the options as"
                    + " typed, quoted, untranslated.");
    public static final Message UNMATCHED_ARGUMENTS = new Message(
            "cli.unmatchedArguments",
            "{count, plural, one {Unmatched argument} other {Unmatched arguments}}: {arguments}",
            "Command-line error: words the command does not expect. {count}: how many; {arguments}: the words as"
                    + " typed, quoted.");
    public static final Message MISSING = new Message(
            "cli.missing",
            "Missing required {count, plural, one {{kind, select, option {option} other {parameter}}} other {{kind,"
                    + " select, option {options} other {parameters}}}}: {names}",
            "Command-line error: something the command needs was not given. {count}: how many; {kind}: option or"
                    + " parameter (keep the keywords); {names}: e.g. '--tenant=<slug>', untranslated.");
    public static final Message INVALID_VALUE = new Message(
            "cli.invalidValue",
            "Invalid value for {kind, select, option {option} other {parameter}} {name}: ''{value}''",
            "Command-line error: a value of the wrong kind (e.g. letters for a number). {kind}: option or parameter"
                    + " (keep the keywords); {name}: e.g. '--jobs', untranslated; {value}: what was typed.");
    public static final Message SUGGESTIONS = new Message(
            "cli.suggestions",
            "Did you mean: {suggestions}?",
            "Command-line hint after an unknown option. {suggestions}: similar option names, untranslated.");
    public static final Message TRY_HELP = new Message(
            "cli.tryHelp",
            "Try ''{command} --help'' for usage.",
            "Command-line hint after an error. {command}: the command as typed (e.g. crm backup create),"
                    + " untranslated.");
}
