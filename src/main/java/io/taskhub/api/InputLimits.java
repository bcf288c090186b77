package io.taskhub.api;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.function.IntPredicate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits every JSON value the hub binds, whatever the field: no NUL character (PostgreSQL cannot store one), no text
 * over 64 KiB, no list or object over 1,000 entries. A value past them is a 400 naming its field, never a 5xx
 * further down. Request bodies are held tighter still ({@link RequestBodies}: no control character at all); the API
 * beans check each field's own limits.
 */
@Configuration(proxyBeanMethods = false)
public class InputLimits {

    static final int MAX_TEXT = 64 * 1024;
    static final int MAX_ENTRIES = 1000;

    /** A rule a value broke, said without repeating the value: it may be a secret. */
    static final class Refused extends JsonMappingException {
        Refused(JsonParser parser, String rule) {
            super(parser, rule);
        }
    }

    @Bean
    Module inputLimitsModule() {
        SimpleModule module = new SimpleModule("input-limits");
        module.addDeserializer(String.class, new LimitedText(c -> c == 0, "must not contain NUL characters"));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription description,
                                                                    JsonDeserializer<?> deserializer) {
                return new LimitedEntries(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                             BeanDescription description,
                                                             JsonDeserializer<?> deserializer) {
                return new LimitedEntries(deserializer);
            }
        });
        return module;
    }

    /** Request texts: names, emails, ids, passwords and credentials hold no control character, not even a tab. */
    static Module requestTextsModule() {
        return new SimpleModule("request-texts").addDeserializer(String.class, new OneLineText());
    }

    /** A control character: below space, or DEL. No request text, query parameter or login holds one. */
    public static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f;
    }

    public static boolean hasControl(String text) {
        return text.chars().anyMatch(InputLimits::isControl);
    }

    static class OneLineText extends LimitedText {
        OneLineText() {
            super(InputLimits::isControl, "must not contain control characters");
        }
    }

    /** A text a person writes in several lines (an invoice line's description): tabs and line breaks allowed. */
    public static final class MultiLineText extends LimitedText {
        public MultiLineText() {
            super(c -> isControl(c) && c != '\t' && c != '\n' && c != '\r',
                    "must not contain control characters other than tabs and line breaks");
        }
    }

    /**
     * An id given as a JSON number ({@code 42}, as answers write ids) or as text ({@code "42"}): read as the text
     * the API checks ({@link Check#id}). A fraction, a boolean or an object is still refused.
     */
    public static final class IdText extends OneLineText {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return parser.currentToken() == JsonToken.VALUE_NUMBER_INT ? parser.getText()
                    : super.deserialize(parser, context);
        }
    }

    private static class LimitedText extends StringDeserializer {
        private final IntPredicate refused;
        private final String rule;

        LimitedText(IntPredicate refused, String rule) {
            this.refused = refused;
            this.rule = rule;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.chars().anyMatch(refused)) {
                throw new Refused(parser, rule);
            }
            if (text != null && text.length() > MAX_TEXT) {
                throw new Refused(parser, "must have at most " + MAX_TEXT + " characters");
            }
            return text;
        }
    }

    private static final class LimitedEntries extends DelegatingDeserializer {
        LimitedEntries(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new LimitedEntries(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            int size = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size() : 0;
            if (size > MAX_ENTRIES) {
                throw new Refused(parser, "must have at most " + MAX_ENTRIES + " entries");
            }
            return value;
        }
    }
}
