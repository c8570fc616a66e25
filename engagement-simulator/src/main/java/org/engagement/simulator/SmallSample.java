package org.engagement.simulator;

import java.io.InputStream;

/**
 * The small hand-made sample bundled on the class path under {@value #RESOURCE}: 120 made-up customers and
 * about 1,640 interactions over 2024 on eight channels, plus rows that carry UTM fields instead of a channel,
 * in the format of {@link org.engagement.core.ingest.csv.CsvInteractionAdapter}. Three records are wrong on
 * purpose (a timestamp without a zone offset, a negative purchase value, a repeated source id), so that an
 * import report has something to say. It contains no real person's data.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class SmallSample {
  /** The class-path location of the sample. */
  public static final String RESOURCE = "/org/engagement/simulator/sample/interactions.csv";

  private SmallSample() {}

  /**
   * Opens the sample's interactions.
   *
   * @throws IllegalStateException if the sample is missing from the class path
   */
  public static InputStream open() {
    InputStream in = SmallSample.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the bundled sample " + RESOURCE + " is missing from the class path");
    }
    return in;
  }
}
