package org.engagement.json.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON form of one type: how a value is written as a tree and read back from one. Implementations are
 * stateless and thread-safe.
 *
 * @param <T> the type
 */
public interface JsonForm<T> {
  /** The type this form writes and reads. */
  Class<T> type();

  /** {@code value} as a JSON tree. */
  JsonNode write(T value);

  /**
   * The value {@code node} holds.
   *
   * @param node the tree
   * @param path where the tree is in the document, for messages (for example {@code channels[2]})
   * @throws org.engagement.core.domain.InvalidFieldException naming the field, the value and the rule if the
   *     tree is not this form or a value breaks the type's rules
   */
  T read(JsonNode node, String path);
}
