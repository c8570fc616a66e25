package org.engagement.fuzz;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.clv.model.DiscreteSummary;
import org.engagement.clv.model.DiscreteSummaryCsvReader;

/**
 * Fuzzes {@link DiscreteSummaryCsvReader}, the BG/BB model's histories, with the checks of {@link ReaderCheck},
 * in both its layouts (lifetimes' {@code frequency,recency,periods[,weights]} and BTYD's {@code x,t_x,n[,custs]}),
 * with and without the optional count of customers. Histories have no id, so each row's {@code n} is its own
 * (100,000 plus the row, plain digits): no truncation or split of another row's cells gives a good row's {@code n}.
 * The other counts are written in any whole form ({@code 3}, {@code 3.0}, {@code 300e-2}).
 */
final class DiscreteSummaryFuzz {
  private static final List<List<String>> LAYOUTS = List.of(
      List.of("frequency", "recency", "periods", "weights"), List.of("x", "t_x", "n", "custs"));
  private static final List<ReaderCheck.Subject> SUBJECTS = subjects();

  private DiscreteSummaryFuzz() {}

  private static List<ReaderCheck.Subject> subjects() {
    List<ReaderCheck.Subject> subjects = new ArrayList<>();
    for (List<String> names : LAYOUTS) {
      for (boolean weighted : new boolean[] {false, true}) {
        List<CorruptCsv.Column> columns = new ArrayList<>(List.of(
            new CorruptCsv.Column(names.get(0), true, (rnd, row) -> Cells.whole(rnd, x(row))),
            new CorruptCsv.Column(names.get(1), true, (rnd, row) -> Cells.whole(rnd, recency(row))),
            new CorruptCsv.Column(names.get(2), true, (rnd, row) -> Long.toString(n(row)))));
        if (weighted) {
          columns.add(new CorruptCsv.Column(names.get(3), true, (rnd, row) -> Cells.whole(rnd,
              1 + Cells.mix(row, 4) % (rnd.nextBoolean() ? 10 : 1_000_000_000))));
        }
        subjects.add(new ReaderCheck.Subject("DiscreteSummaryCsvReader", new CorruptCsv(columns, 3, 65_536,
            1_048_576), 2, false));
      }
    }
    return List.copyOf(subjects);
  }

  private static long n(int row) {
    return 100_000L + row;
  }

  /** {@code t_x}: 0 for about a fifth of the rows, else from 1 to {@code n}. */
  private static long recency(int row) {
    return Cells.mix(row, 1) % 5 == 0 ? 0 : 1 + Cells.mix(row, 2) % n(row);
  }

  private static long x(int row) {
    long recency = recency(row);
    return recency == 0 ? 0 : 1 + Cells.mix(row, 3) % recency;
  }

  /** Reads the document of {@code seed} in the layout its low bits choose, and checks it. */
  static void check(long seed, int rows, int percent) throws IOException {
    ReaderCheck.Subject subject = SUBJECTS.get((int) ((seed >>> 1) & 3));
    ReaderCheck.check(subject, seed, rows, percent, (text, bytes, source) -> {
      DiscreteSummaryCsvReader.Result read = DiscreteSummaryCsvReader.read(requireNonNull(bytes), source);
      Map<String, List<String>> byN = new HashMap<>();
      for (DiscreteSummary history : read.summaries()) {
        byN.put(Integer.toString(history.opportunities()), List.of(Integer.toString(history.frequency()),
            Integer.toString(history.recency()), Integer.toString(history.opportunities()),
            Long.toString(history.weight())));
      }
      return new ReaderCheck.Read(byN, read.report());
    }, cells -> List.of(whole(cells.get(0)), whole(cells.get(1)), cells.get(2),
        cells.size() > 3 ? whole(cells.get(3)) : "1"));
  }

  private static String whole(String cell) {
    return Long.toString(new BigDecimal(cell).longValueExact());
  }
}
