package org.roadmapledger.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * How request bodies are read: what a client sends is taken as written or refused, never coerced. Jackson by
 * default reads {@code "objectiveId": 123} as the text "123", {@code "status": 1} as the second status, a date with
 * a five-digit or negative year, or padded with spaces, and keeps the last of two equal keys: each of those
 * recorded something the client did not write. Only request bodies are read this way, on both sides (commands,
 * subscriptions): events and files are read by Spring's own mapper, so nothing already recorded can become
 * unreadable.
 */
public final class StrictJson {

    /** Dates are {@code YYYY-MM-DD}, within these years: a date outside them is a typing error in this ledger. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictJson() {
    }

    public static ObjectMapper of(ObjectMapper lenient) {
        ObjectMapper strict = lenient.copy();
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (CoercionInputShape scalar : new CoercionInputShape[]{CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
            strict.coercionConfigFor(LogicalType.Enum).setCoercion(scalar, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new Dates()));
        return strict;
    }

    private static final class Dates extends StdScalarDeserializer<LocalDate> {

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (!DATE.matcher(text).matches()) {
                throw context.weirdStringException(text, LocalDate.class, "a date is YYYY-MM-DD");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(text, LocalDate.class, "no such date");
            }
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                throw context.weirdStringException(text, LocalDate.class,
                        "a date is between " + FIRST_YEAR + "-01-01 and " + LAST_YEAR + "-12-31");
            }
            return date;
        }
    }
}
