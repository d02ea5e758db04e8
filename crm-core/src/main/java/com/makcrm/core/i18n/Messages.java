package com.makcrm.core.i18n;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoEntry;
import com.makcrm.core.i18n.po.PoParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats messages per locale from the PO catalogs on the class path ({@value #CATALOG_ROOT}{@code <locale>/
 * messages.po}); the catalogs are the runtime form. Never throws for a missing key or bad arguments: a missing
 * translation falls back along {@code ru-RU → ru → en}, a message missing from every catalog uses its English
 * source, and arguments ICU cannot format give the source pattern formatted as far as possible. Each fallback is
 * logged once per id and locale. Thread-safe.
 */
public final class Messages {

    /** Where the catalogs live on the class path, one folder per locale (Lingui's layout). */
    public static final String CATALOG_ROOT = "i18n/locales/";

    /** The pseudo-locale: accented, bracketed English, to spot untranslated or truncated text. */
    public static final Locale PSEUDO =
            new Locale.Builder().setLanguage("pseudo").build();

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** The catalogs this build knows, source locale first. A new language is added here and in the catalogs. */
    public static final List<String> LOCALES = List.of("en", "ru", "pseudo");

    static final String SOURCE_LOCALE = "en";
    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final Map<ClassLoader, Messages> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Map<String, String>> catalogs;
    private final List<Locale> supported;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    private Messages(Map<String, Map<String, String>> catalogs) {
        this.catalogs = catalogs;
        List<Locale> locales = new ArrayList<>(List.of(Locale.ENGLISH));
        if (catalogs.containsKey("ru")) {
            locales.add(RUSSIAN);
        }
        if (catalogs.containsKey("pseudo")) {
            locales.add(PSEUDO);
        }
        this.supported = List.copyOf(locales);
    }

    /** The catalogs of the context class loader (or this class's), read once per class loader. */
    public static Messages fromClasspath() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : Messages.class.getClassLoader();
        return CACHE.computeIfAbsent(loader, Messages::load);
    }

    /** Messages over catalogs already read, by locale code ({@code en}, {@code ru}, {@code pseudo}). */
    public static Messages of(Map<String, PoCatalog> catalogs) {
        Map<String, Map<String, String>> patterns = new HashMap<>();
        catalogs.forEach((locale, catalog) -> patterns.put(locale, patterns(catalog)));
        return new Messages(patterns);
    }

    private static Messages load(ClassLoader loader) {
        Map<String, PoCatalog> catalogs = new LinkedHashMap<>();
        for (String locale : LOCALES) {
            String resource = CATALOG_ROOT + locale + "/messages.po";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    catalogs.put(locale, PoParser.parse(resource, in.readAllBytes()));
                }
            } catch (IOException | RuntimeException e) {
                // a broken catalog must not take the application down: its locale falls back to English
                log.warn("cannot read the message catalog {}: {}", resource, e.getMessage());
            }
        }
        return of(catalogs);
    }

    /** The usable messages of a catalog: active, not fuzzy, translated. */
    static Map<String, String> patterns(PoCatalog catalog) {
        Map<String, String> patterns = new HashMap<>();
        for (PoEntry entry : catalog.entries()) {
            if (!entry.obsolete() && !entry.isFuzzy() && entry.msgctxt() == null && !entry.isPlural()) {
                String text = entry.translation();
                if (!text.isEmpty()) {
                    patterns.put(entry.msgid(), text);
                }
            }
        }
        return Map.copyOf(patterns);
    }

    public List<Locale> supported() {
        return supported;
    }

    /** {@code message} in {@code locale} (English when null) with named {@code args}; never throws. */
    public String format(Message message, Locale locale, Map<String, ?> args) {
        if (message == null) {
            return "";
        }
        args = nestedIn(args, locale);
        List<String> chain = chain(locale);
        String wanted = chain.get(0);
        for (String candidate : chain) {
            String pattern = catalogs.getOrDefault(candidate, Map.of()).get(message.id());
            if (pattern != null) {
                if (!candidate.equals(wanted) && !wanted.equals(SOURCE_LOCALE)) {
                    reportOnce(wanted, message.id(), false, "no {} translation of {}, using {}", candidate);
                }
                return render(message, pattern, candidate, args);
            }
        }
        reportOnce(wanted, message.id(), true, "message {} is in no catalog ({}), using its source", null);
        return render(message, message.source(), SOURCE_LOCALE, args);
    }

    /**
     * What {@code e} says, in {@code locale}: its translatable message, else its field errors (each translated when it
     * can be), else its English message.
     */
    public String describe(CrmException e, Locale locale) {
        if (e.message() != null) {
            return format(e.message(), locale, e.messageArgs());
        }
        if (!e.fieldErrors().isEmpty()) {
            return String.join(
                    "; ", e.fieldErrors().stream().map(f -> describe(f, locale)).toList());
        }
        return e.getMessage();
    }

    /** A field error's text in {@code locale}, or its English text when it has no translatable form. */
    public String describe(FieldError error, Locale locale) {
        return error.localized() == null ? error.message() : format(error.localized(), locale, error.args());
    }

    /** The fallback chain of catalogs for {@code locale}: e.g. ru-RU → ru → en. */
    static List<String> chain(Locale locale) {
        Set<String> chain = new LinkedHashSet<>();
        if (locale != null && !locale.getLanguage().isEmpty()) {
            chain.add(locale.toLanguageTag());
            if (!locale.getCountry().isEmpty() || !locale.getScript().isEmpty()) {
                chain.add(locale.getLanguage() + (locale.getScript().isEmpty() ? "" : "-" + locale.getScript()));
            }
            chain.add(locale.getLanguage());
        }
        chain.add(SOURCE_LOCALE);
        return List.copyOf(chain);
    }

    private String render(Message message, String pattern, String locale, Map<String, ?> args) {
        try {
            return new MessageFormat(pattern, icuLocale(locale)).format(arguments(args));
        } catch (RuntimeException e) {
            reportOnce(locale, message.id(), true, "cannot format {} in {}: " + e.getMessage(), null);
            if (!pattern.equals(message.source())) {
                return render(message, message.source(), SOURCE_LOCALE, args);
            }
            return message.source();
        }
    }

    private void reportOnce(String locale, String id, boolean warn, String text, String fallback) {
        if (!reported.add(locale + "\u0000" + id + "\u0000" + text)) {
            return;
        }
        if (warn) {
            log.warn(text, id, locale);
        } else if (log.isDebugEnabled()) {
            log.debug(text, locale, id, fallback);
        }
    }

    /**
     * An argument may be another error (a {@link CrmException} or {@link FieldError}: one record of a bulk request,
     * say): it is formatted in {@code locale} too, so the outer message is translated whole.
     */
    private Map<String, ?> nestedIn(Map<String, ?> args, Locale locale) {
        if (args == null
                || args.values().stream().noneMatch(v -> v instanceof CrmException || v instanceof FieldError)) {
            return args;
        }
        Map<String, Object> formatted = new HashMap<>();
        args.forEach((name, value) -> formatted.put(
                name,
                value instanceof CrmException e
                        ? describe(e, locale)
                        : value instanceof FieldError f ? describe(f, locale) : value));
        return formatted;
    }

    /**
     * ICU wants {@link Date}s; java.time values are converted, a nested error becomes its English text (see
     * {@link #nestedIn}), everything else passes as is.
     */
    static Map<String, Object> arguments(Map<String, ?> args) {
        Map<String, Object> converted = new HashMap<>();
        if (args != null) {
            args.forEach((name, value) -> converted.put(name, convert(value)));
        }
        return converted;
    }

    private static Object convert(Object value) {
        if (value instanceof CrmException e) {
            return e.getMessage();
        }
        if (value instanceof FieldError f) {
            return f.message();
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof ZonedDateTime zoned) {
            return Date.from(zoned.toInstant());
        }
        return value;
    }

    /** The ICU locale whose rules (plurals, numbers, dates) a catalog's messages follow. */
    static ULocale icuLocale(String locale) {
        return locale.equals("pseudo") ? ULocale.ENGLISH : ULocale.forLanguageTag(locale);
    }

    private static ULocale icuLocale(Locale locale) {
        return locale == null ? ULocale.ENGLISH : icuLocale(locale.toLanguageTag());
    }

    /** A number with the locale's grouping and decimal marks (ru: {@code 1 234 567,5} with no-break spaces). */
    public String formatNumber(Number number, Locale locale) {
        return NumberFormat.getInstance(icuLocale(locale)).format(number);
    }

    /** An amount of money in the locale's style, e.g. {@code 1 234,50 ₽} (ru) or {@code $1,234.50} (en). */
    public String formatMoney(BigDecimal amount, Currency currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(icuLocale(locale));
        format.setCurrency(com.ibm.icu.util.Currency.getInstance(currency.getCurrencyCode()));
        return format.format(amount);
    }

    /** A point in time as a medium date and a short time in {@code zone}, in the locale's style. */
    public String formatDate(Instant instant, ZoneId zone, Locale locale) {
        DateFormat format = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, icuLocale(locale));
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format.format(Date.from(instant));
    }

    /**
     * The best supported locale for an RFC 7231 {@code Accept-Language} header (q-values respected, {@code q=0}
     * excluded): English when nothing matches or the header is junk. The pseudo-locale only when asked for exactly.
     */
    public Locale negotiate(String acceptLanguage) {
        for (String tag : AcceptLanguage.ranked(acceptLanguage)) {
            Locale match = match(tag);
            if (match != null) {
                return match;
            }
        }
        return Locale.ENGLISH;
    }

    /** The supported locale for one language tag, e.g. ru for ru-RU, or null. */
    public Locale match(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String clean = tag.strip().replace('_', '-');
        if (clean.equalsIgnoreCase("pseudo")) {
            return supported.contains(PSEUDO) ? PSEUDO : null;
        }
        if (clean.equals("*")) {
            return Locale.ENGLISH;
        }
        String language = Locale.forLanguageTag(clean).getLanguage();
        for (Locale candidate : supported) {
            if (candidate != PSEUDO && candidate.getLanguage().equals(language)) {
                return candidate;
            }
        }
        return null;
    }
}
