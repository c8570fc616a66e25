package org.engagement.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import org.engagement.core.domain.InvalidFieldException;

/** Every JSON form, by type, and their registration with Jackson. Stateless. */
public final class Forms {
  private static final List<JsonForm<?>> ALL = List.of(AttributionForms.RESULT, AttributionForms.COMPARISON,
      AttributionForms.INTERVALS, ClvForms.FIT, ClvForms.CUSTOMER_VALUE, ClvForms.FIT_DATA, ClvForms.SAVED,
      SavedAttributionForm.INSTANCE, CoreForms.MONEY, CoreForms.IMPORT_REPORT, CoreForms.SEGMENT,
      RoiForms.REPORT, ViewForms.JOURNEY_CREDITS, ViewForms.JOURNEY_CREDITS_RESULT, ViewForms.LIFETIME_VALUE,
      ViewForms.LIFETIME_VALUE_OUTCOME, ViewForms.ROI_RESULT, ViewForms.ROI_RESULT_RESULT, MixForms.CHANNEL_EFFECT,
      MixForms.BUDGET_PLAN);

  private Forms() {}

  /** The types that have a form, in the order the documentation lists them. */
  public static List<Class<?>> types() {
    return ALL.stream().<Class<?>>map(JsonForm::type).toList();
  }

  /**
   * The form of {@code type}.
   *
   * @throws NoSuchElementException naming the type and listing those with a form
   */
  @SuppressWarnings("unchecked") // each form is registered under its own type
  public static <T> JsonForm<T> of(Class<T> type) {
    for (JsonForm<?> form : ALL) {
      if (form.type().equals(type)) {
        return (JsonForm<T>) form;
      }
    }
    throw new NoSuchElementException("no JSON form for " + type.getName() + "; the forms are of "
        + types().stream().map(Class::getSimpleName).toList());
  }

  /** Adds every form to {@code module} as a serializer and a deserializer. */
  public static void register(SimpleModule module) {
    ALL.forEach(form -> add(module, form));
  }

  /** A result written as its view has a serializer only: its JSON is read as the view. */
  private static <T> void add(SimpleModule module, JsonForm<T> form) {
    module.addSerializer(form.type(), new Serializer<>(form));
    if (!(form instanceof ViewForms.WrittenAs)) {
      module.addDeserializer(form.type(), new Deserializer<>(form));
    }
  }

  /** A form as a Jackson serializer. Thread-safe. */
  private static final class Serializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient JsonForm<T> form;

    Serializer(JsonForm<T> form) {
      super(form.type());
      this.form = form;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeTree(form.write(value));
    }
  }

  /**
   * A form as a Jackson deserializer: a value that breaks a rule becomes Jackson's {@link JsonMappingException}
   * with the {@link InvalidFieldException} as its cause and its message. Thread-safe.
   */
  private static final class Deserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient JsonForm<T> form;

    Deserializer(JsonForm<T> form) {
      super(form.type());
      this.form = form;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = parser.readValueAsTree();
      try {
        return form.read(node, "");
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw JsonMappingException.from(parser, e.getMessage(), e);
      }
    }
  }
}
