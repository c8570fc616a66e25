package org.engagement.clv.summary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Reads Fader and Hardie's {@code CDNOW_sample.txt}: no header, whitespace-separated columns master id,
 * sample id, date ({@code yyyyMMdd}), number of CDs, dollar value; CRLF or LF line ends.
 *
 * <p>The customer id of each {@link Transaction} is the sample id as a plain integer ({@code "0001"}
 * becomes {@code "1"}), the id used by the CDNOW summary files; the amount is the dollar value. Blank
 * lines are skipped.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class CdnowSampleReader {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

  private CdnowSampleReader() {}

  /**
   * All transactions of {@code input}, in file order. Does not close {@code input}.
   *
   * @throws InvalidFieldException if a line does not have five fields or a field does not parse; the
   *     rule names the line number
   * @throws IOException if reading fails
   */
  public static List<Transaction> read(Reader input) throws IOException {
    BufferedReader lines = new BufferedReader(input);
    List<Transaction> out = new ArrayList<>();
    long number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] fields = trimmed.split("\\s+", -1);
      if (fields.length != 5) {
        throw new InvalidFieldException("line", trimmed, "must have 5 fields (line " + number + ")");
      }
      int id;
      LocalDate date;
      double amount;
      try {
        id = Integer.parseInt(fields[1]);
      } catch (NumberFormatException e) {
        throw new InvalidFieldException("sampleId", fields[1], "must be an integer (line " + number + ")");
      }
      try {
        date = LocalDate.parse(fields[2], DATE);
      } catch (DateTimeParseException e) {
        throw new InvalidFieldException("date", fields[2], "must be yyyyMMdd (line " + number + ")");
      }
      try {
        amount = Double.parseDouble(fields[4]);
      } catch (NumberFormatException e) {
        throw new InvalidFieldException("dollarValue", fields[4], "must be a number (line " + number + ")");
      }
      out.add(new Transaction(Integer.toString(id), date, amount));
    }
    return out;
  }
}
