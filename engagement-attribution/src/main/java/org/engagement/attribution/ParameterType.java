package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The type of a model parameter: how its text form (a command line, a configuration file) is read, which
 * Java values a host may pass instead, and how a value is written back as text.
 *
 * <table>
 * <caption>The types</caption>
 * <tr><th>type</th><th>Java value</th><th>typed values accepted</th><th>text form</th></tr>
 * <tr><td>{@link #integer()}</td><td>{@link Long}</td><td>{@code Long}, {@code Integer}, {@code Short},
 *     {@code Byte}</td><td>a whole decimal number: {@code 3}, {@code -7}, {@code 3.0}, {@code 1e3}</td></tr>
 * <tr><td>{@link #decimal()}</td><td>{@link Double}, finite</td><td>any finite {@link Number}</td><td>a
 *     decimal number: {@code 0.4}, {@code 1e-12}</td></tr>
 * <tr><td>{@link #bool()}</td><td>{@link Boolean}</td><td>{@code Boolean}</td><td>{@code true} or
 *     {@code false}, in any case</td></tr>
 * <tr><td>{@link #text()}</td><td>{@link String}</td><td>{@code String}</td><td>the text itself</td></tr>
 * <tr><td>{@link #choice(Class)}</td><td>a constant of an enum</td><td>that enum's constants</td><td>the
 *     constant's label: its name in lower case with {@code -} for {@code _}, in any case</td></tr>
 * <tr><td>{@link #listOf(ParameterType)}</td><td>an unmodifiable {@link List}</td><td>any
 *     {@link Collection} of accepted elements</td><td>the elements' text forms separated by commas; blank
 *     text is the empty list</td></tr>
 * </table>
 *
 * <p>Surrounding blanks are ignored everywhere except in {@code text}. A value that cannot be read throws
 * {@link InvalidFieldException} naming the parameter, the value as given and the form expected. The set of
 * types is closed, so that every parameter can be written on a command line and read back.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the Java type of the values
 * @since 0.1.0
 */
public abstract class ParameterType<T> {
  private static final ParameterType<Long> INTEGER = new IntegerType();
  private static final ParameterType<Double> DECIMAL = new DecimalType();
  private static final ParameterType<Boolean> BOOLEAN = new BooleanType();
  private static final ParameterType<String> TEXT = new TextType();

  private final String name;
  private final String expected;

  private ParameterType(String name, String expected) {
    this.name = name;
    this.expected = expected;
  }

  /** Whole numbers, as {@link Long}. */
  public static ParameterType<Long> integer() {
    return INTEGER;
  }

  /** Finite decimal numbers, as {@link Double}. */
  public static ParameterType<Double> decimal() {
    return DECIMAL;
  }

  /** {@code true} or {@code false}. */
  public static ParameterType<Boolean> bool() {
    return BOOLEAN;
  }

  /** Free text, taken as given. */
  public static ParameterType<String> text() {
    return TEXT;
  }

  /**
   * One of the constants of {@code type}, written as its label ({@code SUBSETS} is {@code subsets},
   * {@code LAST_TOUCH} is {@code last-touch}).
   *
   * @throws IllegalArgumentException if the enum has no constants
   */
  public static <E extends Enum<E>> ParameterType<E> choice(Class<E> type) {
    return new ChoiceType<>(type);
  }

  /**
   * A list of values of {@code element}, written separated by commas (so text elements cannot hold a
   * comma).
   *
   * @throws IllegalArgumentException if {@code element} is itself a list
   */
  public static <E> ParameterType<List<E>> listOf(ParameterType<E> element) {
    return new ListType<>(element);
  }

  /** What the type accepts, in words: {@code integer}, {@code one of exact, subsets}, {@code list of text}. */
  public final String name() {
    return name;
  }

  /** The text form of {@code value}, which this type reads back to an equal value. */
  public abstract String format(T value);

  /**
   * {@code value} as this type: text is read, a typed value is checked and widened.
   *
   * @param parameter the parameter's name, for the message of the exception
   * @throws InvalidFieldException naming {@code parameter} if the value is not of this type
   */
  public final T convert(String parameter, Object value) {
    requireNonNull(parameter, "parameter");
    requireNonNull(value, parameter);
    return value instanceof String text ? parse(parameter, text) : cast(parameter, value);
  }

  /** Reads the text form. */
  abstract T parse(String parameter, String text);

  /** Checks and widens a typed value. */
  abstract T cast(String parameter, Object value);

  /** The rule a value of the wrong Java type breaks. */
  final InvalidFieldException wrongType(String parameter, Object value) {
    return new InvalidFieldException(parameter, value,
        "must be " + expected + "; got " + value.getClass().getSimpleName());
  }

  /** The label of a choice: the constant's name in lower case, with {@code -} for {@code _}. */
  static String label(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public String toString() {
    return name;
  }

  private static final class IntegerType extends ParameterType<Long> {
    IntegerType() {
      super("integer", "a whole number (Long or Integer)");
    }

    @Override
    Long parse(String parameter, String text) {
      BigDecimal number;
      try {
        number = new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        throw new InvalidFieldException(parameter, text, "must be a whole number such as 1000");
      }
      if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
        throw new InvalidFieldException(parameter, text, "must be a whole number such as 1000");
      }
      try {
        return number.longValueExact();
      } catch (ArithmeticException e) {
        throw new InvalidFieldException(parameter, text,
            "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
      }
    }

    @Override
    Long cast(String parameter, Object value) {
      if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        return ((Number) value).longValue();
      }
      throw wrongType(parameter, value);
    }

    @Override
    public String format(Long value) {
      return Long.toString(value);
    }
  }

  private static final class DecimalType extends ParameterType<Double> {
    DecimalType() {
      super("decimal", "a finite number");
    }

    @Override
    Double parse(String parameter, String text) {
      double number;
      try {
        number = new BigDecimal(text.strip()).doubleValue();
      } catch (NumberFormatException e) {
        throw new InvalidFieldException(parameter, text, "must be a decimal number such as 0.4");
      }
      return finite(parameter, text, number);
    }

    @Override
    Double cast(String parameter, Object value) {
      if (value instanceof Number number) {
        return finite(parameter, value, number.doubleValue());
      }
      throw wrongType(parameter, value);
    }

    private static double finite(String parameter, Object given, double number) {
      if (!Double.isFinite(number)) {
        throw new InvalidFieldException(parameter, given, "must be a finite number");
      }
      return number;
    }

    @Override
    public String format(Double value) {
      return Double.toString(value);
    }
  }

  private static final class BooleanType extends ParameterType<Boolean> {
    BooleanType() {
      super("boolean", "a Boolean");
    }

    @Override
    Boolean parse(String parameter, String text) {
      String wanted = text.strip().toLowerCase(Locale.ROOT);
      if (wanted.equals("true") || wanted.equals("false")) {
        return wanted.equals("true");
      }
      throw new InvalidFieldException(parameter, text, "must be true or false");
    }

    @Override
    Boolean cast(String parameter, Object value) {
      if (value instanceof Boolean flag) {
        return flag;
      }
      throw wrongType(parameter, value);
    }

    @Override
    public String format(Boolean value) {
      return value.toString();
    }
  }

  private static final class TextType extends ParameterType<String> {
    TextType() {
      super("text", "a String");
    }

    @Override
    String parse(String parameter, String text) {
      return text;
    }

    @Override
    String cast(String parameter, Object value) {
      throw wrongType(parameter, value);
    }

    @Override
    public String format(String value) {
      return value;
    }
  }

  private static final class ChoiceType<E extends Enum<E>> extends ParameterType<E> {
    private final Class<E> type;

    ChoiceType(Class<E> type) {
      super("one of " + labels(type), "one of " + labels(type));
      this.type = type;
    }

    private static <E extends Enum<E>> String labels(Class<E> type) {
      E[] constants = requireNonNull(type, "type").getEnumConstants();
      if (constants.length == 0) {
        throw new IllegalArgumentException("enum " + type.getName() + " has no constants to choose from");
      }
      List<String> labels = new ArrayList<>();
      for (E constant : constants) {
        labels.add(label(constant));
      }
      return String.join(", ", labels);
    }

    @Override
    E parse(String parameter, String text) {
      String wanted = text.strip().toLowerCase(Locale.ROOT);
      for (E constant : type.getEnumConstants()) {
        if (label(constant).equals(wanted)) {
          return constant;
        }
      }
      throw new InvalidFieldException(parameter, text, "must be " + name());
    }

    @Override
    E cast(String parameter, Object value) {
      if (type.isInstance(value)) {
        return type.cast(value);
      }
      throw wrongType(parameter, value);
    }

    @Override
    public String format(E value) {
      return label(value);
    }
  }

  private static final class ListType<E> extends ParameterType<List<E>> {
    private final ParameterType<E> element;

    ListType(ParameterType<E> element) {
      super("list of " + requireNonNull(element, "element").name(), "a collection of " + element.expected);
      if (element instanceof ListType) {
        throw new IllegalArgumentException("a list parameter cannot hold lists: their text forms would mix");
      }
      this.element = element;
    }

    @Override
    List<E> parse(String parameter, String text) {
      if (text.isBlank()) {
        return List.of();
      }
      List<E> values = new ArrayList<>();
      for (String part : text.split(",", -1)) {
        if (part.isBlank()) {
          throw new InvalidFieldException(parameter, text,
              "must be values of type " + element.name() + " separated by commas, none empty");
        }
        values.add(element.parse(parameter, part.strip()));
      }
      return Collections.unmodifiableList(values);
    }

    @Override
    List<E> cast(String parameter, Object value) {
      if (!(value instanceof Collection)) {
        throw wrongType(parameter, value);
      }
      List<E> values = new ArrayList<>();
      for (Object item : (Collection<?>) value) {
        values.add(element.convert(parameter, item));
      }
      return Collections.unmodifiableList(values);
    }

    @Override
    public String format(List<E> value) {
      return value.stream().map(element::format).collect(Collectors.joining(","));
    }
  }
}
