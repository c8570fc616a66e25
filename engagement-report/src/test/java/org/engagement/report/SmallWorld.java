package org.engagement.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.engagement.report.analysis.AnalysisInput;

/**
 * A hand-made input of four customers, small enough to work the figures out by hand.
 *
 * <pre>
 * customer  interactions (2024, UTC)                                          purchases
 * a         01-05 email click, 01-10 social like, 01-12 purchase 100 EUR       100 on 01-12
 * b         01-08 social click, 02-01 email lead, 02-03 purchase 300 EUR       300 on 02-03
 * c         01-20 email open, 03-01 purchase 50 EUR, 03-05 purchase 50 EUR     100, last on 03-05
 * d         02-10 social impression                                            none (a prospect)
 * </pre>
 *
 * Plus one row with a negative value, which the import rejects. The as-of instant is the latest
 * interaction, 2024-03-05T12:00Z.
 */
public final class SmallWorld {
  public static final String CSV = "customer_id,timestamp,type,direction,channel,channel_name,channel_group,"
      + "utm_source,utm_medium,value,currency,source_id,campaign\n"
      + "a,2024-01-05T10:00:00Z,click,,email,Email,email,,,,,e1,\n"
      + "a,2024-01-10T10:00:00Z,like,,social,Social,organic_social,,,,,e2,\n"
      + "a,2024-01-12T10:00:00Z,purchase,,shop,Shop,direct,,,100,EUR,e3,\n"
      + "b,2024-01-08T10:00:00Z,click,,social,Social,organic_social,,,,,e4,\n"
      + "b,2024-02-01T10:00:00Z,lead,,email,Email,email,,,,,e5,\n"
      + "b,2024-02-03T10:00:00Z,purchase,,shop,Shop,direct,,,300,EUR,e6,\n"
      + "c,2024-01-20T10:00:00Z,open,,email,Email,email,,,,,e7,\n"
      + "c,2024-03-01T10:00:00Z,purchase,,shop,Shop,direct,,,50,EUR,e8,\n"
      + "c,2024-03-05T12:00:00Z,purchase,,shop,Shop,direct,,,50,EUR,e9,\n"
      + "d,2024-02-10T10:00:00Z,impression,,social,Social,organic_social,,,,,e10,\n"
      + "e,2024-02-11T10:00:00Z,purchase,,shop,Shop,direct,,,-5,EUR,e11,\n";

  private SmallWorld() {}

  /** Writes the world's interactions.csv into {@code dir} and returns {@code dir}. */
  public static Path write(Path dir) throws IOException {
    Files.writeString(dir.resolve(AnalysisInput.INTERACTIONS), CSV, StandardCharsets.UTF_8);
    return dir;
  }

  /** The world read back. */
  public static AnalysisInput read(Path dir) throws IOException {
    return AnalysisInput.read(write(dir));
  }
}
