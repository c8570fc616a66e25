package org.engagement.json.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;

/** The {@code format} and {@code version} fields that open every saved model. Stateless. */
final class Envelope {
  private Envelope() {}

  /** A new object holding the envelope's two fields. */
  static ObjectNode write(String format, int version) {
    ObjectNode json = JsonObject.object();
    json.put("format", format);
    json.put("version", version);
    return json;
  }

  /**
   * Checks that {@code json} is a saved {@code format} in one of {@code versions}.
   *
   * @throws InvalidFieldException naming the format or version found and the supported ones otherwise
   */
  static void require(JsonObject json, String format, List<Integer> versions) {
    String found = json.text("format");
    if (!found.equals(format)) {
      throw new InvalidFieldException(json.at("format"), found, "must be " + format);
    }
    long version = json.integer("version");
    if (versions.stream().noneMatch(v -> v == version)) {
      throw new InvalidFieldException(json.at("version"), version,
          "is not a version of " + format + " this library reads; supported: " + versions);
    }
  }
}
