package dev.orderflow.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain Avro binary encoding of event payloads (no header, no schema id: the registry serde adds
 * those at the Kafka boundary). Pure functions over byte arrays.
 *
 * <p>Decoding always needs the <em>writer's</em> schema: Avro binary is not self-describing, and
 * reading bytes with another schema than the one they were written with misreads them. With the
 * writer's schema and a different reader schema (an older or newer revision of the same major
 * version), Avro's schema resolution fills defaults and skips unknown fields. Every decode checks
 * that all bytes were consumed, so most "wrong schema" mistakes fail instead of being misread, and
 * refuses lengths larger than the payload before allocating (see {@link BoundedBinaryDecoder}).
 */
public final class AvroCodec {

    /** Generic records see decimals as {@link java.math.BigDecimal} and timestamps as {@link java.time.Instant}, like generated classes. */
    private static final GenericData GENERIC = new GenericData();

    static {
        GENERIC.addLogicalTypeConversion(new Conversions.DecimalConversion());
        GENERIC.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        GENERIC.addLogicalTypeConversion(new TimeConversions.DateConversion());
    }

    /**
     * Encodes a record with its own schema: a generated event class with its current schema, or a
     * generic record with, say, an older history revision (as an older producer would).
     */
    public static byte[] encode(IndexedRecord record) {
        if (record instanceof SpecificRecord specific) {
            SpecificData model = SpecificData.getForClass(specific.getClass());
            return write(new SpecificDatumWriter<>(specific.getSchema(), model), specific);
        }
        return write(new GenericDatumWriter<>(record.getSchema(), GENERIC), record);
    }

    /** Decodes bytes written with the current schema of {@code event}. */
    public static <T extends SpecificRecord> T decode(byte[] bytes, EventDescriptor<T> event) {
        return decode(bytes, event.schema(), event.recordClass());
    }

    /** Decodes bytes written with {@code writerSchema} into the current class of {@code event} (schema resolution). */
    public static <T extends SpecificRecord> T decode(byte[] bytes, Schema writerSchema, EventDescriptor<T> event) {
        return decode(bytes, writerSchema, event.recordClass());
    }

    /** Decodes bytes written with the current schema of a generated class. */
    public static <T extends SpecificRecord> T decode(byte[] bytes, Class<T> recordClass) {
        return decode(bytes, MODELS.get(recordClass).getSchema(recordClass), recordClass);
    }

    /** Decodes bytes written with {@code writerSchema} into a generated class (schema resolution). */
    public static <T extends SpecificRecord> T decode(byte[] bytes, Schema writerSchema, Class<T> recordClass) {
        SpecificData model = MODELS.get(recordClass);
        Schema readerSchema = model.getSchema(recordClass);
        return read(new SpecificDatumReader<>(writerSchema, readerSchema, model), bytes, writerSchema, readerSchema);
    }

    /** Decodes bytes written with {@code writerSchema} as a generic record of {@code readerSchema}, e.g. a history revision. */
    public static GenericRecord decode(byte[] bytes, Schema writerSchema, Schema readerSchema) {
        return read(new GenericDatumReader<>(writerSchema, readerSchema, GENERIC), bytes, writerSchema, readerSchema);
    }

    private static <D> byte[] write(org.apache.avro.io.DatumWriter<D> writer, D datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        } catch (RuntimeException e) {
            // a missing required field, a decimal with the wrong scale, a value out of range...
            throw new IllegalArgumentException("cannot encode " + describe(datum) + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static <D> D read(DatumReader<D> reader, byte[] bytes, Schema writerSchema, Schema readerSchema) {
        if (bytes == null) {
            throw new UndecodablePayload("no payload (null) for " + writerSchema.getFullName(), null);
        }
        BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(bytes);
        try {
            D datum = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new UndecodablePayload(
                        "payload of " + bytes.length + " bytes has bytes left after reading a "
                                + writerSchema.getFullName() + ": it was not written with that schema",
                        null);
            }
            return datum;
        } catch (UndecodablePayload e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Avro reports corrupt input with EOFException, AvroRuntimeException, ArrayIndexOutOfBounds...
            throw new UndecodablePayload(
                    "cannot decode " + bytes.length + " bytes written with " + writerSchema.getFullName()
                            + " as " + readerSchema.getFullName() + ": " + e,
                    e);
        }
    }

    private static String describe(Object datum) {
        return datum instanceof IndexedRecord record ? record.getSchema().getFullName() : datum.getClass().getName();
    }

    /**
     * Nested records are instantiated through the model's class loader: it must be the one that
     * loaded the requested class, or a framework with several loaders (Quarkus tests) gets records
     * from one loader cast to interfaces from another.
     */
    private static final ClassValue<SpecificData> MODELS = new ClassValue<>() {
        @Override
        protected SpecificData computeValue(Class<?> recordClass) {
            SpecificData model = new SpecificData(recordClass.getClassLoader());
            model.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
            model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
            model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMicrosConversion());
            model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.DateConversion());
            SpecificData.getForClass(recordClass).getConversions().forEach(model::addLogicalTypeConversion);
            return model;
        }
    };

    private AvroCodec() {}
}
