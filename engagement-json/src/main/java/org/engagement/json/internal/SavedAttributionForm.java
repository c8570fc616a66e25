package org.engagement.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.attribution.ModelParameters;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.json.saved.SavedAttributionModel;

/**
 * {@link SavedAttributionModel}: the envelope, the model's name and its parameters, each a JSON value of its
 * type (whole numbers, decimals, booleans, text, a choice's label, lists as arrays). Stateless.
 */
final class SavedAttributionForm implements JsonForm<SavedAttributionModel> {
  /** The one instance. */
  static final SavedAttributionForm INSTANCE = new SavedAttributionForm();

  private SavedAttributionForm() {}

  @Override
  public Class<SavedAttributionModel> type() {
    return SavedAttributionModel.class;
  }

  @Override
  public JsonNode write(SavedAttributionModel saved) {
    ObjectNode json = Envelope.write(SavedAttributionModel.FORMAT, SavedAttributionModel.VERSION);
    json.put("model", saved.model());
    ObjectNode parameters = json.putObject("parameters");
    saved.parameters().asMap().forEach((name, value) -> parameters.set(name, value(name, value)));
    return json;
  }

  private static JsonNode value(String name, Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return nodes.numberNode(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return JsonObject.number(number.doubleValue());
    }
    if (value instanceof Boolean flag) {
      return nodes.booleanNode(flag);
    }
    if (value instanceof Enum<?> constant) {
      return nodes.textNode(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    if (value instanceof List<?> list) {
      ArrayNode items = nodes.arrayNode();
      list.forEach(item -> items.add(value(name, item)));
      return items;
    }
    if (value instanceof String text) {
      return nodes.textNode(text);
    }
    throw new InvalidFieldException(name, value, "cannot be saved: a parameter value must be a whole number, a "
        + "decimal, a boolean, text, a choice or a list of them, not " + value.getClass().getSimpleName());
  }

  @Override
  public SavedAttributionModel read(JsonNode node, String path) {
    JsonObject json = JsonObject.of(node, path);
    Envelope.require(json, SavedAttributionModel.FORMAT, SavedAttributionModel.SUPPORTED_VERSIONS);
    JsonObject parameters = json.object("parameters");
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : parameters.names()) {
      values.put(name, value(parameters.node(name), parameters.at(name)));
    }
    return new SavedAttributionModel(json.text("model"), ModelParameters.of(values));
  }

  private static Object value(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        items.add(value(node.get(i), path + "[" + i + "]"));
      }
      return items;
    }
    throw new InvalidFieldException(path, node, "must be a number, a boolean, text or an array of them");
  }
}
