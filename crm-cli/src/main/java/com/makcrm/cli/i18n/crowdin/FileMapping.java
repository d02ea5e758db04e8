package com.makcrm.cli.i18n.crowdin;

import com.makcrm.core.error.CrmException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code files:} item of {@code crowdin.yml}: a source catalog and the pattern of its translations, with the
 * Crowdin placeholders a Lingui layout needs (e.g. {@code /locales/%two_letters_code%/messages.po}). Paths are
 * relative to the base path, written with {@code /} and usually starting with it, as in the official CLI.
 */
public record FileMapping(String source, String translation) {

    /** Placeholders that stand for the target language; any of them can name the locale folder. */
    static final List<String> LANGUAGE_PLACEHOLDERS = List.of(
            "%two_letters_code%",
            "%three_letters_code%",
            "%locale%",
            "%locale_with_underscore%",
            "%android_code%",
            "%osx_locale%",
            "%language%");

    private static final Pattern PLACEHOLDER = Pattern.compile("%[a-z_]+%");

    public FileMapping {
        if (source == null || source.isBlank()) {
            throw CrmException.invalid("crowdin.yml: a files item has no source");
        }
        if (translation == null || translation.isBlank()) {
            throw CrmException.invalid("crowdin.yml: files item " + source + " has no translation pattern");
        }
        if (source.contains("*") || source.contains("?") || source.contains("[")) {
            throw CrmException.invalid(
                    "crowdin.yml: source " + source + ": wildcards are not supported, name the catalog");
        }
        Matcher m = PLACEHOLDER.matcher(translation);
        boolean hasLanguage = false;
        while (m.find()) {
            String placeholder = m.group();
            if (LANGUAGE_PLACEHOLDERS.contains(placeholder)) {
                hasLanguage = true;
            } else if (!fileValues(source).containsKey(placeholder)) {
                throw CrmException.invalid("crowdin.yml: translation " + translation + ": placeholder " + placeholder
                        + " is not supported (use %two_letters_code%, %locale%, %locale_with_underscore%,"
                        + " %original_file_name%, %file_name%, %file_extension%, %original_path%)");
            }
        }
        if (!hasLanguage) {
            throw CrmException.invalid("crowdin.yml: translation " + translation
                    + " has no language placeholder such as %two_letters_code%");
        }
    }

    /** The source path without its leading slash: relative to the base path. */
    public String sourcePath() {
        return strip(source);
    }

    /** The source's file name, e.g. {@code messages.po}. */
    public String fileName() {
        String path = sourcePath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The translation pattern with the file placeholders filled in and without its leading slash: only language
     * placeholders remain. Crowdin lays out the build archive by this pattern (the file's export pattern).
     */
    public String exportPattern() {
        String pattern = translation;
        for (Map.Entry<String, String> value : fileValues(source).entrySet()) {
            pattern = pattern.replace(value.getKey(), value.getValue());
        }
        return "/" + strip(pattern);
    }

    /** The path of one language's translation, relative to the base path. */
    public String translationPath(String languageCode) {
        String path = strip(exportPattern());
        for (String placeholder : LANGUAGE_PLACEHOLDERS) {
            path = path.replace(placeholder, languageCode);
        }
        return path;
    }

    /**
     * The folder every translation of this file lives in: the pattern up to the first language placeholder, cut
     * at its last {@code /} (e.g. {@code crm-core/src/main/resources/i18n/locales}).
     */
    public String catalogFolder() {
        String pattern = strip(exportPattern());
        int first = pattern.length();
        for (String placeholder : LANGUAGE_PLACEHOLDERS) {
            int at = pattern.indexOf(placeholder);
            if (at >= 0) {
                first = Math.min(first, at);
            }
        }
        int slash = pattern.lastIndexOf('/', first);
        return slash < 0 ? "" : pattern.substring(0, slash);
    }

    /** The language code in {@code path} when it is a translation of this file, else null. */
    String languageOf(String path) {
        String pattern = strip(exportPattern());
        StringBuilder regex = new StringBuilder();
        List<String> groups = new java.util.ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("([^/]+)");
            groups.add(m.group());
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        Matcher match = Pattern.compile(regex.toString()).matcher(path);
        if (!match.matches()) {
            return null;
        }
        for (int i = 1; i < groups.size(); i++) {
            int first = groups.indexOf(groups.get(i));
            if (!match.group(i + 1).equals(match.group(first + 1))) {
                return null; // the same placeholder twice with two values: not a path Crowdin would produce
            }
        }
        return match.group(1);
    }

    private static Map<String, String> fileValues(String source) {
        String path = strip(source);
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        return Map.of(
                "%original_file_name%", name,
                "%file_name%", dot < 0 ? name : name.substring(0, dot),
                "%file_extension%", dot < 0 ? "" : name.substring(dot + 1),
                "%original_path%", slash < 0 ? "" : path.substring(0, slash));
    }

    private static String strip(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }
}
