package org.residencepermit.api;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.residencepermit.model.DecisionRequest;

/**
 * A body that is the JSON literal {@code null} is the wrong shape, like an array or a number: Jackson read it as no
 * request at all, and the caller was told "the request body is empty". An empty body still is (Quarkus REST passes
 * no body to the resource without asking Jackson).
 */
@Singleton
public class NullBodyRefusal implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("null-body-refusal");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == DecisionRequest.class ? new NotNull(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    private static final class NotNull extends DelegatingDeserializer {
        NotNull(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NotNull(delegate);
        }

        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            throw MismatchedInputException.from(context.getParser(), DecisionRequest.class, "a null body");
        }
    }
}
