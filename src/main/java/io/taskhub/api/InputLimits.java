package io.taskhub.api;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
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
 * further down. The API beans check each field's own, tighter limits.
 */
@Configuration(proxyBeanMethods = false)
public class InputLimits {

    static final int MAX_TEXT = 64 * 1024;
    static final int MAX_ENTRIES = 1000;

    @Bean
    Module inputLimitsModule() {
        SimpleModule module = new SimpleModule("input-limits");
        module.addDeserializer(String.class, new LimitedText());
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

    private static final class LimitedText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, "must not contain NUL characters");
            }
            if (text != null && text.length() > MAX_TEXT) {
                return (String) context.handleWeirdStringValue(String.class, "(" + text.length() + " characters)",
                        "must have at most %d characters", MAX_TEXT);
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
                return context.handleWeirdStringValue(String.class, "(" + size + " entries)",
                        "must have at most %d entries", MAX_ENTRIES);
            }
            return value;
        }
    }
}
