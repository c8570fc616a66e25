package org.engagement.core.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Reads {@code /cdnow/CDNOW_sample.txt} (see the README beside it) into total revenue per customer. */
final class CdnowSample {
  private CdnowSample() {}

  /** Total dollar value per sample customer id, 2,357 customers, in file order. */
  static double[] totalRevenuePerCustomer() {
    Map<String, Double> totals = new LinkedHashMap<>();
    try (InputStream in = Objects.requireNonNull(
            CdnowSample.class.getResourceAsStream("/cdnow/CDNOW_sample.txt"), "CDNOW_sample.txt");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String[] fields = line.trim().split("\\s+", -1);
        if (fields.length == 5) {
          totals.merge(fields[1], Double.parseDouble(fields[4]), Double::sum);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return totals.values().stream().mapToDouble(Double::doubleValue).toArray();
  }
}
