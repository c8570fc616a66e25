package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Values for a model's parameters, by parameter name, in the order given.
 *
 * <p>A value is either typed (a {@link Long}, {@link Double}, {@link Boolean}, enum constant, {@link List},
 * as the parameter's {@link ParameterType} says) or its text form, a {@link String}, as it comes from a
 * command line or a configuration file. Both are read against the model's declarations when the model is
 * made ({@link #resolve(String, List)}, which {@link AttributionModels#create(String, ModelParameters)}
 * does): text is parsed, typed values are checked, every rule is applied, defaults are filled in, and a
 * name the model does not declare is an error, never silently ignored. So a host passes whichever it has:
 *
 * <pre>{@code
 * models.create("markov", ModelParameters.of(Map.of("order", "3")));             // from a command line
 * models.create("markov", ModelParameters.of(Map.of("order", 3, "collapse", false))); // from parsed JSON
 * models.create("markov", ModelParameters.none().with(MarkovModel.ORDER, 3L));  // typed
 * }</pre>
 *
 * <p>{@link AttributionModel#parameters()} returns resolved parameters: every value typed. {@link #asText()}
 * shows them as text, which reads back to the same values.
 *
 * <p>Instances are immutable and thread-safe. Two instances are equal when they hold equal values under
 * the same names, in any order (so the text {@code "3"} is not equal to the integer {@code 3}: compare
 * resolved parameters).
 *
 * @since 0.1.0
 */
public final class ModelParameters {
  private static final ModelParameters NONE = new ModelParameters(Map.of());

  private final Map<String, Object> values;

  private ModelParameters(Map<String, Object> values) {
    this.values = values;
  }

  /** No parameters: every model's defaults. */
  public static ModelParameters none() {
    return NONE;
  }

  /**
   * The parameters {@code values}, typed or as text (insertion order kept).
   *
   * @throws InvalidFieldException if a name is blank
   */
  public static ModelParameters of(Map<String, ?> values) {
    requireNonNull(values, "values");
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((name, value) -> copy.put(checkKey(name), requireNonNull(value, name)));
    return new ModelParameters(Collections.unmodifiableMap(copy));
  }

  /**
   * These parameters and {@code name} set to {@code value}, typed or as text; a value already set under
   * that name is replaced in its place.
   *
   * @throws InvalidFieldException if the name is blank
   */
  public ModelParameters with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(checkKey(name), requireNonNull(value, name));
    return new ModelParameters(Collections.unmodifiableMap(copy));
  }

  /**
   * These parameters and {@code parameter} set to {@code value}, checked against its declaration.
   *
   * @throws InvalidFieldException if the value breaks the parameter's rule
   */
  public <T> ModelParameters with(ModelParameter<T> parameter, T value) {
    requireNonNull(parameter, "parameter");
    return with(parameter.name(), parameter.value(requireNonNull(value, parameter.name())));
  }

  /** All values as given: typed values and text. */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * All values in their text form ({@link ParameterType}): what a command line would take to give the same
   * values, for example {@code {order=1, collapse=true}}.
   */
  public Map<String, String> asText() {
    Map<String, String> text = new LinkedHashMap<>();
    values.forEach((name, value) -> text.put(name, format(value)));
    return Collections.unmodifiableMap(text);
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * The value of {@code parameter}: the value given under its name, read and checked against it, or its
   * default.
   *
   * @throws InvalidFieldException naming the parameter if the value is not of its type or breaks its rule,
   *     or if none is given and the parameter is required by the model
   */
  public <T> T get(ModelParameter<T> parameter) {
    requireNonNull(parameter, "parameter");
    Object given = values.get(parameter.name());
    if (given != null) {
      return parameter.value(given);
    }
    return parameter.defaultValue().orElseThrow(() -> missing(parameter, "the model"));
  }

  /**
   * These parameters read and checked against the declarations of model {@code model}: every declared
   * parameter, in declaration order, with its typed value or default.
   *
   * @param model the model's name, for messages
   * @param declared the parameters the model takes
   * @throws InvalidFieldException naming the first name that is not declared (listing those that are), the
   *     first required parameter that is missing, or the first value that is not of its parameter's type or
   *     breaks its rule
   */
  public ModelParameters resolve(String model, List<? extends ModelParameter<?>> declared) {
    requireNonNull(model, "model");
    requireNonNull(declared, "declared");
    Map<String, ModelParameter<?>> byName = new LinkedHashMap<>();
    for (ModelParameter<?> parameter : declared) {
      byName.put(parameter.name(), parameter);
    }
    for (String name : values.keySet()) {
      if (!byName.containsKey(name)) {
        throw new InvalidFieldException("parameter", name, byName.isEmpty()
            ? "is not accepted: the model takes no parameters"
            : "is not a parameter of this model; known: " + new TreeSet<>(byName.keySet()));
      }
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (ModelParameter<?> parameter : byName.values()) {
      if (!values.containsKey(parameter.name()) && parameter.required()) {
        throw missing(parameter, "the " + model + " model");
      }
      resolved.put(parameter.name(), get(parameter));
    }
    return new ModelParameters(Collections.unmodifiableMap(resolved));
  }

  private static InvalidFieldException missing(ModelParameter<?> parameter, String model) {
    return new InvalidFieldException(parameter.name(), null, "is required by " + model);
  }

  private static String checkKey(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new InvalidFieldException("parameter name", name, "must not be blank");
    }
    return name;
  }

  /** The text form of a value of any {@link ParameterType}, known from its Java type. */
  private static String format(Object value) {
    if (value instanceof Enum) {
      return ParameterType.label((Enum<?>) value);
    }
    if (value instanceof List) {
      StringJoiner text = new StringJoiner(",");
      for (Object item : (List<?>) value) {
        text.add(format(item));
      }
      return text.toString();
    }
    return String.valueOf(value);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ModelParameters p && values.equals(p.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The text form, for example {@code {order=1, collapse=true}}. */
  @Override
  public String toString() {
    return asText().toString();
  }
}
