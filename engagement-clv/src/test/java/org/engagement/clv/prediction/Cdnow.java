package org.engagement.clv.prediction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.summary.CdnowSampleReader;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryCsvReader;
import org.engagement.clv.summary.SummaryOptions;
import org.engagement.clv.summary.WeightedSummary;

/**
 * The CDNOW test files of {@code src/test/resources/cdnow/} (see the README there: Fader and Hardie's
 * 2,357-customer sample, weeks, calibration to 1997-09-30, holdout to 1998-06-30) and the models fitted on
 * them, fitted once per test run. Shared through the test jar with the modules that build on CLV.
 */
public final class Cdnow {
  private static final SummaryOptions OPTIONS = SummaryOptions.of(PeriodUnit.WEEK, LocalDate.of(1997, 9, 30))
      .withObservationEnd(LocalDate.of(1998, 6, 30));
  private static final List<RepeatBuyingSummary> WITH_SPEND = readSummaries();
  private static final BgNbdModel BG_NBD = BgNbdModel.fit(WeightedSummary.compress(WITH_SPEND), PeriodUnit.WEEK,
      FitOptions.defaults()).model();
  private static final GammaGammaModel GAMMA_GAMMA =
      GammaGammaModel.fit(SpendSummary.compress(WITH_SPEND), FitOptions.defaults()).model();

  private Cdnow() {}

  /** {@code cdnow_customers_summary_with_transactions.csv} ({@code ID,x,t_x,T,zbar}), file order. */
  public static List<RepeatBuyingSummary> summaries() {
    return WITH_SPEND;
  }

  /** BG/NBD fitted on {@link #summaries()} (FHL 2005: r 0.243, alpha 4.414, a 0.793, b 2.426). */
  public static BgNbdModel bgNbd() {
    return BG_NBD;
  }

  /** Gamma-Gamma fitted on the repeat buyers of {@link #summaries()} (p 6.25, q 3.74, gamma 15.44). */
  public static GammaGammaModel gammaGamma() {
    return GAMMA_GAMMA;
  }

  /** The summaries derived from {@code CDNOW_sample.txt}, with holdout counts (39 weeks of holdout). */
  public static List<RepeatBuyingSummary> withHoldout() {
    try (Reader in = resource("CDNOW_sample.txt")) {
      return RepeatBuyingSummaries.summarize(CdnowSampleReader.read(in), OPTIONS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<RepeatBuyingSummary> readSummaries() {
    try (Reader in = resource("cdnow_customers_summary_with_transactions.csv")) {
      return SummaryCsvReader.read(in, "cdnow").summaries();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader resource(String name) {
    InputStream in = Objects.requireNonNull(Cdnow.class.getResourceAsStream("/cdnow/" + name), name);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
