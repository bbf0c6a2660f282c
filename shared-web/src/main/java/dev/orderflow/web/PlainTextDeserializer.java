package dev.orderflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * Every JSON string of a request body passes {@link PlainText}; Jackson has no switch for escaped
 * control characters ({@code "\u0000"} is valid JSON). The refusal carries the field's path, which
 * {@link RequestProblemMappers} names in the problem.
 */
final class PlainTextDeserializer extends StdScalarDeserializer<String> {

    PlainTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null) {
            var violation = PlainText.violation(text);
            if (violation.isPresent()) {
                throw InvalidFormatException.from(parser, violation.get(), text, String.class);
            }
        }
        return text;
    }
}
