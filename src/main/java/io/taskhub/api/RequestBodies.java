package io.taskhub.api;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.spi.DataFormatCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the REST DSL binds request bodies: with the application's ObjectMapper as it is (its modules, its way of
 * writing answers), but taking each JSON value only as the type its field declares. {@code "300"} is not a number,
 * {@code 300.5} not a whole one, {@code 123} not a text: each is a 400 naming the field instead of a guess. Provider
 * answers are read with the application's mapper itself, which stays lenient: providers send numbers as texts.
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodies {

    @Bean
    DataFormatCustomizer requestBodiesMapper(ObjectMapper json) {
        ObjectMapper strict = strict(json);
        return DataFormatCustomizer.forType(JacksonDataFormat.class, format -> format.setObjectMapper(strict));
    }

    static ObjectMapper strict(ObjectMapper json) {
        ObjectMapper strict = json.copy().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.registerModule(InputLimits.requestTextsModule());
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict;
    }
}
