package com.makcrm.core.i18n.po;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PO catalog: an optional header entry and the messages, in file order. Immutable; the {@code with...} methods
 * return a changed copy.
 *
 * <p>A catalog read by {@link PoParser} remembers each entry's exact source text, so {@link PoWriter} writes an
 * unchanged entry back byte for byte and only re-formats entries that were added or changed.
 */
public final class PoCatalog {

    /** One entry and, when it was parsed and not changed since, its exact text and the blank lines before it. */
    record Item(PoEntry entry, String leading, String source) {

        static Item fresh(PoEntry entry) {
            return new Item(entry, null, null);
        }

        boolean unchanged() {
            return source != null;
        }
    }

    private final List<Item> items;
    private final String trailing;

    PoCatalog(List<Item> items, String trailing) {
        this.items = List.copyOf(items);
        this.trailing = trailing;
    }

    /** An empty catalog with the header Lingui writes for {@code language}. */
    public static PoCatalog create(String language) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("MIME-Version", "1.0");
        header.put("Content-Type", "text/plain; charset=utf-8");
        header.put("Content-Transfer-Encoding", "8bit");
        header.put("X-Generator", "@lingui/cli");
        header.put("Language", language);
        return new PoCatalog(List.of(Item.fresh(PoEntry.of("", headerText(header)))), "");
    }

    public Optional<PoEntry> header() {
        return items.stream().map(Item::entry).filter(PoEntry::isHeader).findFirst();
    }

    /** The header's fields in file order ({@code Language}, {@code Content-Type}, ...); empty without a header. */
    public Map<String, String> headerFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        header().ifPresent(h -> h.translation().lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }));
        return Collections.unmodifiableMap(fields);
    }

    /** This catalog with one header field set (added last when new), creating the header when missing. */
    public PoCatalog withHeaderField(String name, String value) {
        Map<String, String> fields = new LinkedHashMap<>(headerFields());
        fields.put(name, value);
        PoEntry header = header().orElse(PoEntry.of("", "")).withTranslation(headerText(fields));
        List<Item> copy = new ArrayList<>(items);
        int index = indexOf(e -> e.isHeader());
        if (index < 0) {
            copy.add(0, Item.fresh(header));
        } else if (!copy.get(index).entry().equals(header)) {
            copy.set(index, Item.fresh(header));
        }
        return new PoCatalog(copy, trailing);
    }

    /** The messages in file order, obsolete ones included, the header excluded. */
    public List<PoEntry> entries() {
        return items.stream().map(Item::entry).filter(e -> !e.isHeader()).toList();
    }

    /** The message with this context (null for none) and msgid, preferring an active one over an obsolete one. */
    public Optional<PoEntry> find(String msgctxt, String msgid) {
        PoEntry key = PoEntry.of(msgid, "").withContext(msgctxt);
        List<PoEntry> matches = entries().stream().filter(e -> e.sameKey(key)).toList();
        return matches.stream()
                .filter(e -> !e.obsolete())
                .findFirst()
                .or(() -> matches.stream().findFirst());
    }

    /**
     * This catalog with {@code entry} in place of the message with the same context and msgid (the active one when
     * both exist), or with {@code entry} appended when there is none. Replacing with an equal entry changes nothing.
     */
    public PoCatalog with(PoEntry entry) {
        int index = indexOf(e -> !e.obsolete() && e.sameKey(entry));
        if (index < 0) {
            index = indexOf(e -> e.sameKey(entry));
        }
        List<Item> copy = new ArrayList<>(items);
        if (index < 0) {
            copy.add(Item.fresh(entry));
        } else if (!copy.get(index).entry().equals(entry)) {
            copy.set(index, Item.fresh(entry));
        }
        return new PoCatalog(copy, trailing);
    }

    /** This catalog without the messages of this context and msgid (active and obsolete). */
    public PoCatalog without(String msgctxt, String msgid) {
        PoEntry key = PoEntry.of(msgid, "").withContext(msgctxt);
        List<Item> copy = new ArrayList<>(items);
        copy.removeIf(item -> !item.entry().isHeader() && item.entry().sameKey(key));
        return new PoCatalog(copy, trailing);
    }

    List<Item> items() {
        return items;
    }

    String trailing() {
        return trailing;
    }

    private int indexOf(java.util.function.Predicate<PoEntry> test) {
        for (int i = 0; i < items.size(); i++) {
            if (test.test(items.get(i).entry())) {
                return i;
            }
        }
        return -1;
    }

    private static String headerText(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach(
                (name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }
}
