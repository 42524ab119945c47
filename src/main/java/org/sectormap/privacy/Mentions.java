package org.sectormap.privacy;

import java.util.List;

import org.sectormap.shared.LikePattern;

/**
 * The texts a subject access request searches for, matched as the database's searches match them:
 * anywhere in a value, ignoring case (both fold case with {@link LikePattern#fold}).
 */
record Mentions(List<String> texts) {

    Mentions {
        texts = texts.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    boolean in(String value) {
        if (value == null) {
            return false;
        }
        String folded = LikePattern.fold(value);
        return texts.stream().anyMatch(text -> folded.contains(LikePattern.fold(text)));
    }

    /**
     * The value with each mention replaced by the marker. Where folding changed the text's length
     * (a rare letter whose lower case is longer), positions cannot be trusted and the whole value goes.
     */
    String redact(String value, String marker) {
        if (!in(value)) {
            return value;
        }
        String result = value;
        for (String text : texts) {
            String needle = LikePattern.fold(text);
            StringBuilder out = new StringBuilder();
            String folded = LikePattern.fold(result);
            if (folded.length() != result.length()) {
                return marker;
            }
            int from = 0;
            for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, from)) {
                out.append(result, from, at).append(marker);
                from = at + needle.length();
            }
            result = out.append(result.substring(from)).toString();
        }
        return result;
    }
}
