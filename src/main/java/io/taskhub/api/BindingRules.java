package io.taskhub.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.taskhub.sync.Causes;

/**
 * The rule a JSON value broke, in a plain sentence for a 400's detail. Never Jackson's own message: it repeats the
 * value (a password, a client secret) and names the hub's Java types.
 */
final class BindingRules {

    private BindingRules() {
    }

    static String broken(JsonMappingException e) {
        if (e instanceof InputLimits.Refused) {
            return e.getOriginalMessage();
        }
        if (Causes.find(e, InputCoercionException.class) != null) {
            return "is out of range";
        }
        return e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? "must be " + expected(mismatch.getTargetType()) : "is not valid";
    }

    private static String expected(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
