package com.makcrm.core.i18n;

import com.ibm.icu.text.MessagePattern;

/**
 * Pseudo-localization: English text with accented letters inside brackets ({@code [Ţéñåñţ ''{slug}'' ñöţ
 * ƒöûñð]}), keeping ICU syntax, placeholders and keywords intact. A UI showing plain English in the pseudo-locale
 * has a string that bypasses the catalogs; a cut-off bracket shows text that does not fit.
 */
public final class Pseudo {

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ACCENTED = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

    private Pseudo() {}

    /** The pseudo-localized form of an ICU pattern; a pattern ICU cannot parse is returned unchanged. */
    public static String localize(String pattern) {
        MessagePattern parsed;
        try {
            parsed = IcuPatterns.parse(pattern);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
        boolean[] literal = IcuPatterns.literalText(pattern, parsed);
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int at = PLAIN.indexOf(c);
            out.append(literal[i] && at >= 0 ? ACCENTED.charAt(at) : c);
        }
        return out.append(']').toString();
    }
}
