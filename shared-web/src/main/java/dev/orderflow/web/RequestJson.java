package dev.orderflow.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the REST APIs read JSON: Quarkus's mapper with two refusals a client must hear about instead
 * of silently getting something else stored:
 * <ul>
 *   <li>a number with a fraction or an exponent for an integer field ({@code "quantity": 1.5} was
 *       truncated to 1; {@code 1.0} and {@code 1e2} are refused too: integers are written as integers);
 *       out-of-range integers are refused by Jackson already;</li>
 *   <li>a string that is not {@link PlainText}.</li>
 * </ul>
 * A {@link ContextResolver} rather than an {@code ObjectMapperCustomizer}: only request bodies get
 * the strict reading, not whatever else in the service uses Quarkus's mapper.
 */
@Provider
public class RequestJson implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper;

    RequestJson(ObjectMapper defaults) {
        this.mapper = defaults.copy()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .registerModule(new SimpleModule("orderflow-plain-text").addDeserializer(String.class, new PlainTextDeserializer()));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
