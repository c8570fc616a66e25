package org.engagement.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object being read, with its place in the document: each accessor reads a field of the expected
 * JSON type or throws {@link InvalidFieldException} naming the field's path, its value and the rule. Fields
 * this reader is not asked for are ignored, so a later form may add fields. Also writes the doubles of every
 * form ({@link #number(double)}). Not thread-safe; short-lived.
 */
public final class JsonObject {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode node;
  private final String path;

  private JsonObject(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /**
   * {@code node} as an object.
   *
   * @throws InvalidFieldException if it is not a JSON object
   */
  public static JsonObject of(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidFieldException(path.isEmpty() ? "document" : path, node, "must be a JSON object");
    }
    return new JsonObject(node, path);
  }

  /** A new empty object node to write a form into. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new empty array node. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * A double as JSON: a number (Jackson writes the shortest decimal that reads back to the same double) when
   * finite, else the string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"} (JSON has no such
   * numbers).
   */
  public static JsonNode number(double value) {
    return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(Double.toString(value));
  }

  /** The path of field {@code name}, for messages. */
  public String at(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The field {@code name}, or a missing-field error. */
  public JsonNode node(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new InvalidFieldException(at(name), null, "is required");
    }
    return value;
  }

  /** Whether field {@code name} is present and not null. */
  public boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  /** A string field. */
  public String text(String name) {
    JsonNode value = node(name);
    if (!value.isTextual()) {
      throw new InvalidFieldException(at(name), value, "must be a JSON string");
    }
    return value.textValue();
  }

  /** A string field that may be absent or null. */
  public @Nullable String optionalText(String name) {
    return has(name) ? text(name) : null;
  }

  /** A number field: a JSON number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  public double number(String name) {
    return number(node(name), at(name));
  }

  /** {@code value} as a double, by the rule of {@link #number(String)}. */
  public static double number(JsonNode value, String path) {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      switch (value.textValue()) {
        case "NaN" -> {
          return Double.NaN;
        }
        case "Infinity" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Infinity" -> {
          return Double.NEGATIVE_INFINITY;
        }
        default -> { }
      }
    }
    throw new InvalidFieldException(path, value, "must be a JSON number, or \"NaN\", \"Infinity\" or \"-Infinity\"");
  }

  /** A whole-number field that fits a {@code long}. */
  public long integer(String name) {
    JsonNode value = node(name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidFieldException(at(name), value, "must be a whole JSON number");
    }
    return value.longValue();
  }

  /** A whole-number field that fits an {@code int}. */
  public int smallInteger(String name) {
    JsonNode value = node(name);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidFieldException(at(name), value, "must be a whole JSON number of at most 2^31 - 1");
    }
    return value.intValue();
  }

  /** A boolean field. */
  public boolean bool(String name) {
    JsonNode value = node(name);
    if (!value.isBoolean()) {
      throw new InvalidFieldException(at(name), value, "must be true or false");
    }
    return value.booleanValue();
  }

  /** An object field. */
  public JsonObject object(String name) {
    return of(node(name), at(name));
  }

  /** The elements of an array field, each read by {@code read} with its path. */
  public <T> List<T> list(String name, BiFunction<JsonNode, String, T> read) {
    JsonNode value = node(name);
    if (!value.isArray()) {
      throw new InvalidFieldException(at(name), value, "must be a JSON array");
    }
    List<T> items = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      items.add(read.apply(value.get(i), at(name) + "[" + i + "]"));
    }
    return items;
  }

  /** The strings of an array field. */
  public List<String> texts(String name) {
    return list(name, (item, at) -> {
      if (!item.isTextual()) {
        throw new InvalidFieldException(at, item, "must be a JSON string");
      }
      return item.textValue();
    });
  }

  /** An enum field, as its {@linkplain #label label}. */
  public <E extends Enum<E>> E choice(String name, Class<E> type) {
    String text = text(name);
    List<String> labels = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      if (label(constant).equals(text)) {
        return constant;
      }
      labels.add(label(constant));
    }
    throw new InvalidFieldException(at(name), text, "must be one of " + labels);
  }

  /** How an enum constant is written: its name in lower case ({@code converged}, {@code attributed_revenue}). */
  public static String label(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** The field names of this object, in document order. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The path of this object. */
  public String path() {
    return path;
  }
}
