package org.engagement.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.json.internal.Forms;
import org.engagement.json.internal.JsonForm;
import org.engagement.json.internal.JsonObject;

/**
 * The entry point of the SDK's JSON forms: writes a result or a saved model as JSON and reads it back to an
 * equal value. The forms, and the rules they share, are listed in the {@linkplain org.engagement.json package
 * documentation}; the types with a form are {@link #types()}:
 * {@link org.engagement.attribution.AttributionResult}, {@link org.engagement.attribution.compare.ModelComparison},
 * {@link org.engagement.attribution.interval.CreditIntervals}, {@link org.engagement.clv.fit.FitResult},
 * {@link org.engagement.clv.CustomerValue}, {@link org.engagement.json.saved.ClvFitData},
 * {@link org.engagement.json.saved.SavedClvModel}, {@link org.engagement.json.saved.SavedAttributionModel}, {@link org.engagement.core.domain.Money},
 * {@link org.engagement.core.ingest.ImportReport}, {@link org.engagement.core.value.tier.SegmentRollup},
 * {@link org.engagement.roi.RoiReport}, the marketing mix's {@link org.engagement.roi.mix.ChannelEffect} and
 * {@link org.engagement.roi.mix.BudgetPlan}, and the views {@link org.engagement.json.view.JourneyCreditsView},
 * {@link org.engagement.json.view.LifetimeValueView} and {@link org.engagement.json.view.RoiResultView}.
 * {@link org.engagement.attribution.JourneyCredits}, {@link org.engagement.clv.LifetimeValueOutcome} and
 * {@link org.engagement.roi.RoiResult} carry their inputs (touches, every buyer's summary, survey answers),
 * which their JSON does not hold: each is written as its view, and its JSON is read as the view.
 *
 * <pre>{@code
 * String json = EngagementJson.write(result);                        // {"model":"markov",...}
 * AttributionResult back = EngagementJson.read(json, AttributionResult.class);
 * EngagementJson.write(SavedClvModel.of(...), out);                  // fit once ...
 * RepeatBuyingModel model = EngagementJson.read(in, SavedClvModel.class).purchaseModel(); // ... predict later
 * }</pre>
 *
 * <p>Reading takes one JSON document (UTF-8 from a stream); malformed JSON or trailing content is an
 * {@link IOException} from Jackson, a document that is not the form or a value that breaks a rule an
 * {@link InvalidFieldException} naming the field's path, the value and the rule, and a saved model of an unknown
 * {@code format} or {@code version} an {@code InvalidFieldException} naming it and the supported ones.
 *
 * <p>Stateless and thread-safe: the mapper it uses is configured once and never handed out
 * ({@link #mapper()} makes a new one for the host).
 *
 * @since 0.1.0
 */
public final class EngagementJson {
  private static final ObjectMapper MAPPER = mapper();

  private EngagementJson() {}

  /**
   * A new Jackson mapper with every form registered ({@link EngagementJsonModule}), trailing tokens after a
   * document refused, and floats read as doubles: for a host that reads or writes the forms inside documents
   * of its own (a list of customer values, a result inside a message). Make it once and share it.
   */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new EngagementJsonModule())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
        .build();
  }

  /** The types that have a JSON form. */
  public static List<Class<?>> types() {
    return Forms.types();
  }

  /**
   * {@code value} as compact JSON text.
   *
   * @throws java.util.NoSuchElementException if its type has no form (the message lists those that have)
   */
  public static String write(Object value) {
    return writeTree(value).toString();
  }

  /**
   * {@code value} as a JSON tree, for a host that puts it inside a document of its own.
   *
   * @throws java.util.NoSuchElementException if its type has no form
   */
  public static JsonNode writeTree(Object value) {
    return write(Forms.of(requireNonNull(value, "value").getClass()), value);
  }

  /**
   * The values of {@code values}, each in the form of {@code type}, as a JSON array: what a command line prints
   * for a list of customer predictions, say.
   */
  public static <T> JsonNode writeList(List<? extends T> values, Class<T> type) {
    JsonForm<T> form = Forms.of(type);
    ArrayNode array = JsonObject.array();
    values.forEach(value -> array.add(form.write(value)));
    return array;
  }

  /**
   * Writes {@code value} to {@code out} as indented JSON text (UTF-8) ending in a line feed, and flushes; the
   * stream stays open.
   *
   * @throws IOException if writing fails
   */
  public static void write(Object value, OutputStream out) throws IOException {
    requireNonNull(out, "out");
    writeTree(writeTree(value), out);
  }

  /**
   * Writes the tree {@code json} to {@code out} as indented JSON text (UTF-8) ending in a line feed, and
   * flushes; the stream stays open.
   *
   * @throws IOException if writing fails
   */
  public static void writeTree(JsonNode json, OutputStream out) throws IOException {
    requireNonNull(out, "out");
    byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
    out.write(bytes);
    out.write('\n');
    out.flush();
  }

  /**
   * The value of {@code type} that the JSON text {@code json} holds.
   *
   * @throws InvalidFieldException if the document is not the form of {@code type} or a value breaks a rule
   * @throws java.util.NoSuchElementException if the type has no form
   * @throws IOException if the text is not one JSON document
   */
  public static <T> T read(String json, Class<T> type) throws IOException {
    return read(MAPPER.readTree(requireNonNull(json, "json")), type);
  }

  /**
   * The value of {@code type} that the one JSON document on {@code in} (UTF-8) holds; the stream stays open.
   *
   * @throws InvalidFieldException if the document is not the form of {@code type} or a value breaks a rule
   * @throws java.util.NoSuchElementException if the type has no form
   * @throws IOException if reading fails or the bytes are not one JSON document
   */
  public static <T> T read(InputStream in, Class<T> type) throws IOException {
    return read(MAPPER.readTree(requireNonNull(in, "in")), type);
  }

  /**
   * The value of {@code type} that the tree {@code json} holds.
   *
   * @throws InvalidFieldException if the tree is not the form of {@code type} or a value breaks a rule
   * @throws java.util.NoSuchElementException if the type has no form
   */
  public static <T> T read(JsonNode json, Class<T> type) {
    requireNonNull(json, "json");
    if (json.isMissingNode()) {
      throw new InvalidFieldException("document", "", "must hold one JSON value; it is empty");
    }
    return Forms.of(type).read(json, "");
  }

  /**
   * The values of the JSON array {@code json}, each in the form of {@code type}.
   *
   * @throws InvalidFieldException if it is not an array or an element is not the form
   */
  public static <T> List<T> readList(JsonNode json, Class<T> type) {
    requireNonNull(json, "json");
    if (!json.isArray()) {
      throw new InvalidFieldException("document", json, "must be a JSON array");
    }
    JsonForm<T> form = Forms.of(type);
    List<T> values = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      values.add(form.read(json.get(i), "[" + i + "]"));
    }
    return values;
  }

  @SuppressWarnings("unchecked") // the form was found by the value's own class
  private static <T> JsonNode write(JsonForm<T> form, Object value) {
    return form.write((T) value);
  }
}
