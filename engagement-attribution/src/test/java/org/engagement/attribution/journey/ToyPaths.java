package org.engagement.attribution.journey;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * The toy dataset of the attribution reference (shared/reference/attribution.md, section 7, "Test
 * vectors on the toy dataset"), in the path format: the one copy every model's tests check against.
 */
public final class ToyPaths {
  /** The path file. */
  public static final String TEXT = "path,total_conversions,total_conversion_value,total_null\n"
      + "A > B > C,2,20.00,3\n"
      + "A > A > B,3,45.00,1\n"
      + "B > C,1,5.00,4\n"
      + "C,1,10.00,2\n"
      + "A,0,0.00,5\n"
      + "B > A > C,1,12.00,1\n";

  private ToyPaths() {}

  /** The toy journeys: channels A, B, C in that order, 8 conversions worth 92. */
  public static JourneySet toy() {
    try {
      return PathFormat.channelAttribution().read(new StringReader(TEXT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
