package com.makcrm.cli;

import com.makcrm.core.i18n.CliMessages;
import com.makcrm.core.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's command-line errors in the run's language. English runs print picocli's text unchanged; other
 * languages get a translation of the errors picocli has a type for (unknown options, missing options and
 * parameters, a value of the wrong kind) and the English text for the rest (our commands' own usage errors).
 */
final class UsageErrors {

    /** picocli's wording for a value it cannot convert, e.g. {@code Invalid value for option '--jobs': 'x' is...}. */
    private static final Pattern INVALID_VALUE = Pattern.compile(
            "^Invalid value for (?:option '([^']+)'|positional parameter at index \\d+ \\(([^)]*)\\)):"
                    + " (?:cannot convert )?'(.*?)'",
            Pattern.DOTALL);

    private final Messages messages;
    private final Locale locale;

    UsageErrors(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    private boolean english() {
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
    }

    /** What is wrong with the command line, for the {@code ERROR:} line. */
    String describe(ParameterException e) {
        String message = String.valueOf(e.getMessage());
        if (english() && !message.contains("Exception")) {
            return message; // picocli's wording, unless it quotes a Java exception at the user
        }
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            List<String> words = unmatched.getUnmatched();
            String text = messages.format(
                    unmatched.isUnknownOption() ? CliMessages.UNKNOWN_OPTIONS : CliMessages.UNMATCHED_ARGUMENTS,
                    locale,
                    Map.of("count", words.size(), "options", quoted(words), "arguments", quoted(words)));
            List<String> suggestions = unmatched.getSuggestions();
            return suggestions.isEmpty()
                    ? text
                    : text + " "
                            + messages.format(
                                    CliMessages.SUGGESTIONS,
                                    locale,
                                    Map.of("suggestions", String.join(", ", suggestions)));
        }
        if (e instanceof MissingParameterException missing
                && !missing.getMissing().isEmpty()) {
            List<ArgSpec> specs = missing.getMissing();
            boolean options = specs.stream().allMatch(ArgSpec::isOption);
            return messages.format(
                    CliMessages.MISSING,
                    locale,
                    Map.of(
                            "count", specs.size(),
                            "kind", options ? "option" : "parameter",
                            "names", specs.stream().map(UsageErrors::name).collect(Collectors.joining(", "))));
        }
        Matcher invalid = INVALID_VALUE.matcher(message);
        if (invalid.find()) {
            boolean option = invalid.group(1) != null;
            return messages.format(
                    CliMessages.INVALID_VALUE,
                    locale,
                    Map.of(
                            "kind",
                            option ? "option" : "parameter",
                            "name",
                            "'" + (option ? invalid.group(1) : invalid.group(2)) + "'",
                            "value",
                            invalid.group(3)));
        }
        return message;
    }

    /** The hint after the error line. */
    String tryHelp(String command) {
        String english = "Try '" + command + " --help' for usage.";
        return english() ? english : messages.format(CliMessages.TRY_HELP, locale, Map.of("command", command));
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return "'" + option.longestName() + (option.arity().max() > 0 ? "=" + option.paramLabel() : "") + "'";
        }
        return "'" + spec.paramLabel() + "'";
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
    }
}
