package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.Interaction;

/**
 * The outcome of reading one source record: accepted with its interaction, or rejected with the
 * reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface AdapterRecord permits AdapterRecord.Accepted, AdapterRecord.Rejected {

  /** Where the record is in its source. */
  SourcePosition position();

  /** An accepted record. */
  static AdapterRecord accepted(SourcePosition position, Interaction interaction) {
    return new Accepted(position, interaction);
  }

  /** A rejected record. */
  static AdapterRecord rejected(Rejection rejection) {
    return new Rejected(rejection);
  }

  /**
   * A record that became an interaction.
   *
   * @param position where the record is
   * @param interaction the interaction it became
   * @since 0.1.0
   */
  record Accepted(SourcePosition position, Interaction interaction) implements AdapterRecord {
    /** Requires both parts. */
    public Accepted {
      requireNonNull(position, "position");
      requireNonNull(interaction, "interaction");
    }
  }

  /**
   * A record that could not become an interaction.
   *
   * @param rejection why, and where
   * @since 0.1.0
   */
  record Rejected(Rejection rejection) implements AdapterRecord {
    /** Requires the rejection. */
    public Rejected {
      requireNonNull(rejection, "rejection");
    }

    @Override
    public SourcePosition position() {
      return rejection.position();
    }
  }
}
