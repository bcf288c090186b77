package io.taskhub.sync;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PostgreSQL stores no NUL character, neither in text nor in JSON, and fails the whole statement on one: a NUL a
 * provider sends in any text of a record (a name, an id, a key of the kept payload) is stored as U+FFFD, the
 * replacement character, so that one record cannot stop every sync of its integration. Replaced rather than
 * dropped: {@code "12\u00003"} must not become another record's id {@code "123"}.
 */
final class StorableText {

    private static final char NUL = '\u0000';
    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** The text as PostgreSQL can store it. */
    static String of(String text) {
        return text == null || text.indexOf(NUL) < 0 ? text : text.replace(NUL, REPLACEMENT);
    }

    /** A copy of {@code json} that writes every NUL of every text and key as {@code \ufffd}. */
    static ObjectMapper writer(ObjectMapper json) {
        ObjectMapper writer = json.copy();
        writer.getFactory().setCharacterEscapes(new NoNul());
        return writer;
    }

    private static final class NoNul extends CharacterEscapes {

        private static final int[] ESCAPES = standardAsciiEscapesForJSON();
        private static final SerializableString ESCAPED_REPLACEMENT = new SerializedString("\\ufffd");

        static {
            ESCAPES[NUL] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ESCAPES;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == NUL ? ESCAPED_REPLACEMENT : null;
        }
    }
}
