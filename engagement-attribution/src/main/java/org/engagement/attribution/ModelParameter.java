package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * One parameter a model declares: its name, {@linkplain ParameterType type}, default value (or that it is
 * required), validation rule and a one-line description. A provider lists its model's parameters in
 * {@link AttributionModelProvider#parameters()}; the registry reads and checks the values a host gives
 * against them ({@link ModelParameters#resolve(String, java.util.List)}) before the model is made, so a model
 * receives only values of the declared type that keep the rule.
 *
 * <pre>{@code
 * ModelParameter<Long> ORDER = ModelParameter.optional("order", ParameterType.integer(), 1L,
 *         "the order k of the chain: how many past touches a state remembers")
 *     .withRule("must be a whole number from 1 to 32", k -> k >= 1 && k <= 32);
 * }</pre>
 *
 * <p>A value that breaks the rule throws {@link InvalidFieldException} naming the parameter, the value (in
 * its text form) and the rule; rules that tie several parameters together belong to the model's factory.
 *
 * <p>Instances are immutable and thread-safe if the rule's predicate is (a pure function of the value).
 * Equality is identity: predicates cannot be compared.
 *
 * @param <T> the Java type of the parameter's values
 * @since 0.1.0
 */
public final class ModelParameter<T> {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,63}");

  private final String name;
  private final ParameterType<T> type;
  private final @Nullable T defaultValue;
  private final String description;
  private final String rule;
  private final @Nullable Predicate<? super T> test;

  private ModelParameter(String name, ParameterType<T> type, @Nullable T defaultValue, String description,
      String rule, @Nullable Predicate<? super T> test) {
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.rule = rule;
    this.test = test;
    if (defaultValue != null) {
      check(defaultValue);
    }
  }

  /**
   * A parameter that takes {@code defaultValue} when the host gives none.
   *
   * @param name lower-case letters, digits and hyphens, starting with a letter or digit, at most 64
   * @param description one line saying what the parameter changes
   * @throws InvalidFieldException if the name breaks that rule or the description is blank
   */
  public static <T> ModelParameter<T> optional(String name, ParameterType<T> type, T defaultValue,
      String description) {
    requireNonNull(defaultValue, "defaultValue");
    return new ModelParameter<>(checkName("parameter name", name), requireNonNull(type, "type"),
        type.convert(name, defaultValue), checkDescription(description), "", null);
  }

  /**
   * A parameter the host must give: a model cannot be made without it.
   *
   * @param name lower-case letters, digits and hyphens, starting with a letter or digit, at most 64
   * @param description one line saying what the parameter changes
   * @throws InvalidFieldException if the name breaks that rule or the description is blank
   */
  public static <T> ModelParameter<T> required(String name, ParameterType<T> type, String description) {
    return new ModelParameter<>(checkName("parameter name", name), requireNonNull(type, "type"), null,
        checkDescription(description), "", null);
  }

  /**
   * This parameter with a rule its values must keep (replacing any rule it had).
   *
   * @param rule the rule in words, phrased to complete "must ...", for example {@code must be at least 1}
   * @param test whether a value keeps the rule; must be a pure function of the value
   * @throws IllegalArgumentException if the default value breaks the rule
   */
  public ModelParameter<T> withRule(String rule, Predicate<? super T> test) {
    requireNonNull(rule, "rule");
    if (rule.isBlank()) {
      throw new InvalidFieldException("rule", rule, "must say in words what a value must be");
    }
    return new ModelParameter<>(name, type, defaultValue, description, rule, requireNonNull(test, "test"));
  }

  /**
   * This parameter with another default value; a required parameter becomes optional.
   *
   * @throws IllegalArgumentException if {@code defaultValue} is not of the type or breaks the rule
   */
  public ModelParameter<T> withDefault(T defaultValue) {
    return new ModelParameter<>(name, type, type.convert(name, requireNonNull(defaultValue, "defaultValue")),
        description, rule, test);
  }

  /** The name, as a key of {@link ModelParameters}. */
  public String name() {
    return name;
  }

  /** The type of the values. */
  public ParameterType<T> type() {
    return type;
  }

  /** The value when the host gives none; empty if the parameter is {@linkplain #required() required}. */
  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Whether a model cannot be made without a value for this parameter. */
  public boolean required() {
    return defaultValue == null;
  }

  /** The rule a value must keep, in words; empty if any value of the type will do. */
  public String rule() {
    return rule;
  }

  /** What the parameter changes, in one line. */
  public String description() {
    return description;
  }

  /**
   * {@code given} as a value of this parameter: text is read as the {@linkplain #type() type} says, a
   * typed value is checked and widened, and the rule is applied.
   *
   * @throws InvalidFieldException naming this parameter if the value is not of the type (showing it as
   *     given) or breaks the rule (showing it in its text form)
   */
  public T value(Object given) {
    return check(type.convert(name, requireNonNull(given, name)));
  }

  /** {@code value} in its text form, as {@link ModelParameters#asText()} shows it. */
  public String format(T value) {
    return type.format(requireNonNull(value, name));
  }

  private T check(T value) {
    if (test != null && !test.test(value)) {
      throw new InvalidFieldException(name, type.format(value), rule);
    }
    return value;
  }

  /**
   * Checks a registry name: of a model or of a parameter.
   *
   * @throws InvalidFieldException naming {@code field} if {@code name} is not 1 to 64 lower-case letters,
   *     digits and hyphens starting with a letter or digit
   */
  static String checkName(String field, @Nullable String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidFieldException(field, name,
          "must be 1 to 64 lower-case letters, digits and hyphens, not starting with a hyphen");
    }
    return name;
  }

  private static String checkDescription(String description) {
    requireNonNull(description, "description");
    if (description.isBlank() || description.contains("\n")) {
      throw new InvalidFieldException("description", description, "must be one line, not blank");
    }
    return description;
  }

  /** For example {@code order (integer, default 1; must be from 1 to 32): the order k of the chain}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name).append(" (").append(type.name());
    text.append(defaultValue == null ? ", required" : ", default " + type.format(defaultValue));
    if (!rule.isEmpty()) {
      text.append("; ").append(rule);
    }
    return text.append("): ").append(description).toString();
  }
}
