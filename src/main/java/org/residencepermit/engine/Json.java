package org.residencepermit.engine;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.residencepermit.model.DecisionRequest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The JSON contract's Jackson settings, shared by the REST API, the case runner and the command line so that all
 * three read requests the same way: unknown or repeated fields, wrong types and impossible dates are errors, never
 * guesses.
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper mapper() {
        return configure(JsonMapper.builder().build());
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(strictValues());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        // {"asOf": "2024-01-01", "asOf": "2025-01-01"} would otherwise be decided on whichever came last.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // "city": 0 would otherwise be read as the first city of the list, whatever the caller meant.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // "" must not silently become null for enums, dates or numbers.
        for (LogicalType type : new LogicalType[]{LogicalType.Enum, LogicalType.DateTime, LogicalType.Integer,
                LogicalType.Boolean, LogicalType.Collection, LogicalType.POJO}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // "hukouCity": 123 or true is a mistake in the caller, not a city named "123".
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        // ["ID_CARD", null] names no document; refused with the element's path instead of failing inside the model.
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper;
    }

    /**
     * Dates only as "YYYY-MM-DD" and months only as "YYYY-MM" (not date-times, arrays or padded strings, which the
     * JSR-310 module accepts), enum names exactly as listed (" BEIJING" is refused like "Beijing"), and a request, not
     * a null.
     */
    private static SimpleModule strictValues() {
        SimpleModule module = new SimpleModule("strict-values");
        module.addDeserializer(LocalDate.class, new StrictText<>(LocalDate.class,
                Pattern.compile("\\d{4}-\\d{2}-\\d{2}"), LocalDate::parse));
        module.addDeserializer(YearMonth.class, new StrictText<>(YearMonth.class,
                Pattern.compile("\\d{4}-\\d{2}"), YearMonth::parse));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new ExactEnumName(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == DecisionRequest.class ? new NotNullRequest(deserializer)
                        : deserializer;
            }
        });
        return module;
    }

    /** A value written as a JSON string of exactly one form, parsed strictly (no 30 February). */
    private static final class StrictText<T> extends StdScalarDeserializer<T> {
        private final Class<T> type;
        private final Pattern form;
        private final Function<String, T> parse;

        StrictText(Class<T> type, Pattern form, Function<String, T> parse) {
            super(type);
            this.type = type;
            this.form = form;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(context.handleUnexpectedToken(type, p));
            }
            String text = p.getText();
            if (form.matcher(text).matches()) {
                try {
                    return parse.apply(text);
                } catch (DateTimeParseException e) {
                    // falls through to the refusal below
                }
            }
            return type.cast(context.handleWeirdStringValue(type, text, "not a real " + form.pattern()));
        }
    }

    /**
     * Refuses a request that is the JSON literal {@code null}: the wrong shape, like an array or a number, which
     * Jackson would read as no request at all ("the request body is empty"). An empty HTTP body still is that: Quarkus
     * REST passes no body to the resource without asking Jackson.
     */
    private static final class NotNullRequest extends DelegatingDeserializer {
        NotNullRequest(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NotNullRequest(delegate);
        }

        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            throw MismatchedInputException.from(context.getParser(), DecisionRequest.class, "a null body");
        }
    }

    /**
     * Refuses enum names with surrounding spaces or control characters, which Jackson would otherwise trim (String.trim
     * removes everything up to U+0020) and accept.
     */
    private static final class ExactEnumName extends DelegatingDeserializer {
        ExactEnumName(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnumName(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && !p.getText().equals(p.getText().trim().strip())) {
                return context.handleWeirdStringValue(handledType(), p.getText(),
                        "surrounding spaces or control characters");
            }
            return super.deserialize(p, context);
        }
    }
}
